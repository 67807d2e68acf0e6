using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Settlement;

/// <summary>
/// The merchant's receivable, in the step's transaction: at payment each line's amount and the shipping come in and the
/// platform's fee goes out (commissions the shop funds are taken by the distribution module through <see cref="ShopLedger"/>);
/// receipt starts the after-sales window; a refund takes its amount back by line and returns the fee's refunded share.
/// </summary>
internal sealed class SettlementHandler : IOrderStepHandler
{
    public async Task OnStepsAsync(MallDbContext db, IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        var ledger = new ShopLedger(db, steps[0].At);
        foreach (var step in steps)
        {
            if (step.IsPaid)
            {
                await ReceiveAsync(db, ledger, step.Order, step.At, cancellationToken);
            }
            else if (step.IsReceived && await db.Set<OrderSettlement>().FindAsync([step.Order.Id], cancellationToken) is { } settlement)
            {
                settlement.Received(step.At);
            }
            else if (step.IsRefund)
            {
                await RefundAsync(db, ledger, step.Refund!, cancellationToken);
            }
        }
        await ledger.FlushAsync(cancellationToken);
    }

    public Task AfterCommitAsync(IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task ReceiveAsync(MallDbContext db, ShopLedger ledger, Order order, DateTime at, CancellationToken cancellationToken)
    {
        if (await db.Set<OrderSettlement>().FindAsync([order.Id], cancellationToken) is not null)
        {
            return;
        }
        var feeBp = await db.Shops.Where(s => s.Id == order.ShopId).Select(s => s.ServiceFeeBp).SingleAsync(cancellationToken);
        db.Set<OrderSettlement>().Add(new OrderSettlement(order.Id, order.ShopId, feeBp, at));
        foreach (var line in order.Lines)
        {
            ledger.Move(order.ShopId, order.Id, line.Id, null, SettlementEntryKind.Sale, null, SettlementBucket.Pending, line.Amount.Fen);
            ledger.Move(order.ShopId, order.Id, line.Id, null, SettlementEntryKind.ServiceFee, SettlementBucket.Pending, null,
                line.Amount.Percent(new BasisPoints(feeBp)).Fen);
        }
        ledger.Move(order.ShopId, order.Id, null, null, SettlementEntryKind.Shipping, null, SettlementBucket.Pending, order.ShippingFee.Fen);
    }

    /// <summary>The refund (items and shipping share) leaves the receivable; the fee's share goes back, cumulatively exact (decision 0009).</summary>
    private static async Task RefundAsync(MallDbContext db, ShopLedger ledger, Refund refund, CancellationToken cancellationToken)
    {
        if (await db.Set<OrderSettlement>().FindAsync([refund.OrderId], cancellationToken) is not { } settlement)
        {
            return;
        }
        var lineIds = refund.Lines.Select(l => l.OrderLineId).ToList();
        var lines = await LineRefunds.OfAsync(db, lineIds, cancellationToken);
        var returned = await db.Set<SettlementEntry>().Where(e => e.OrderLineId != null && lineIds.Contains(e.OrderLineId.Value) && e.Kind == SettlementEntryKind.ServiceFeeReturned)
            .GroupBy(e => e.OrderLineId!.Value).Select(g => new { g.Key, Fen = g.Sum(e => e.AmountFen) }).ToDictionaryAsync(g => g.Key, g => g.Fen, cancellationToken);
        foreach (var line in refund.Lines)
        {
            await ledger.OnOrderAsync(refund.OrderId, line.OrderLineId, SettlementEntryKind.Refund, -line.Amount.Fen, cancellationToken);
            var (paid, refunded) = lines[line.OrderLineId];
            var fee = new Money(paid).Percent(new BasisPoints(settlement.ServiceFeeBp));
            var due = fee.Share(refunded, paid).Fen - returned.GetValueOrDefault(line.OrderLineId);
            await ledger.OnOrderAsync(refund.OrderId, line.OrderLineId, SettlementEntryKind.ServiceFeeReturned, due, cancellationToken);
        }
    }
}
