using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>
/// Saves a case's step with its row on the order's timeline (through <see cref="OrderSteps"/>, so order pages follow
/// live) and then tells the people concerned.
/// </summary>
public sealed class AfterSaleSteps(OrderSteps orderSteps, AfterSaleNotifier notifier)
{
    internal async Task CommitAsync(MallDbContext db, AfterSale sale, int? actorUserId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleAsync(o => o.Id == sale.OrderId, cancellationToken);
        var last = sale.Events[^1];
        await CommitAsync(db, sale, order, $"{sale.Number} {AfterSaleText.Status(last.StatusAfter)}{(last.Note is null ? "" : "：" + last.Note)}",
            actorUserId, cancellationToken);
    }

    internal async Task CommitAsync(MallDbContext db, AfterSale sale, Order order, string note, int? actorUserId, CancellationToken cancellationToken)
    {
        order.RecordAfterSale(note.Length > 300 ? note[..300] : note, actorUserId, sale.Events[^1].At);
        await orderSteps.CommitAsync(db, cancellationToken);
        await notifier.AfterCommitAsync(sale.Id, cancellationToken);
    }
}
