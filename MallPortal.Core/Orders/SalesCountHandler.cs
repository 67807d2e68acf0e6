using MallPortal.Core.Data;

namespace MallPortal.Core.Orders;

/// <summary>
/// Sales counts (sorting by 销量) follow the money: up when an order is paid (decision 0008), down when a paid order is
/// cancelled with its refund, in the step's transaction.
/// </summary>
internal sealed class SalesCountHandler : IOrderStepHandler
{
    public async Task OnStepsAsync(MallDbContext db, IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        var sold = steps.Where(s => s.IsPaid).SelectMany(s => s.Order.Lines.Select(l => (l.ProductId, l.Quantity)));
        var returned = steps.Where(s => s.IsRefund).SelectMany(s => s.Refund!.Lines.Join(s.Order.Lines, r => r.OrderLineId, l => l.Id,
            (r, l) => (l.ProductId, -r.Quantity)));
        await Catalog.ProductSales.AddAsync(db, sold.Concat(returned), cancellationToken);
    }

    public Task AfterCommitAsync(IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken) => Task.CompletedTask;
}
