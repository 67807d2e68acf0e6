using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Settlement;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics.History;

/// <summary>
/// The money side of generated orders, written as the settlement handler and the settlement job would have written it at
/// the time: the receivable at payment (lines and shipping in, the platform's fee out), settled once the after-sales window
/// closed after receipt, a refund's amount out and its fee share back. Each shop's balances move by exactly the entries'
/// sums, so the funds reconciliation finds every order and every balance in order.
/// </summary>
internal sealed class HistoryLedger(MallDbContext db, int afterSalesDays, DateTime now)
{
    private readonly Dictionary<(int ShopId, SettlementBucket Bucket), long> _deltas = [];

    public void Paid(HistorySale sale)
    {
        var (order, shop) = (sale.Order, sale.Shop);
        var paidAt = order.PaidAt!.Value;
        var settlement = new OrderSettlement(order.Id, shop.Id, shop.ServiceFeeBp, paidAt);
        db.OrderSettlements.Add(settlement);
        foreach (var line in order.Lines)
        {
            Move(sale, line.Id, SettlementEntryKind.Sale, null, SettlementBucket.Pending, line.Amount.Fen, paidAt);
            Move(sale, line.Id, SettlementEntryKind.ServiceFee, SettlementBucket.Pending, null, Fee(line.Amount, shop).Fen, paidAt);
        }
        Move(sale, null, SettlementEntryKind.Shipping, null, SettlementBucket.Pending, order.ShippingFee.Fen, paidAt);
        if (sale.CompletedAt is not { } receivedAt)
        {
            return;
        }
        settlement.Received(receivedAt);
        // Settled by the job once the after-sales window (售后期) after receipt has closed; later ones the real job settles.
        var settleAt = receivedAt.AddDays(afterSalesDays);
        if (settleAt <= now)
        {
            var pending = order.Lines.Sum(l => l.Amount.Fen - Fee(l.Amount, shop).Fen) + order.ShippingFee.Fen;
            Move(sale, null, SettlementEntryKind.Settled, SettlementBucket.Pending, SettlementBucket.Withdrawable, pending, settleAt);
            settlement.Settle(settleAt);
        }
    }

    /// <summary>The buyer cancelled before shipment and the merchant agreed: the whole payment goes back through the provider.</summary>
    public void Refund(HistorySale sale, string number)
    {
        var (order, decidedAt) = (sale.Order, sale.RefundAt!.Value);
        var refund = new Refund(number, order, sale.RefundReason, sale.RefundAskedAt);
        refund.Complete(new GatewayRefundResult(GatewayRefundState.Succeeded, "HRT" + number[2..], null), sale.Shop.OwnerUserId, decidedAt);
        order.Payment.AddRefund(refund.Amount);
        order.CancelWithRefund(refund, decidedAt, sale.Shop.OwnerUserId);
        db.Refunds.Add(refund);
        foreach (var part in refund.Lines)
        {
            var line = order.Lines.Single(l => l.Id == part.OrderLineId);
            Move(sale, line.Id, SettlementEntryKind.Refund, SettlementBucket.Pending, null, part.Amount.Fen, decidedAt);
            Move(sale, line.Id, SettlementEntryKind.ServiceFeeReturned, null, SettlementBucket.Pending,
                Fee(line.Amount, sale.Shop).Share(part.Amount.Fen, line.Amount.Fen).Fen, decidedAt);
        }
    }

    /// <summary>Moves each shop's balances by the sums of the entries written, as <see cref="ShopLedger"/> does.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var shop in _deltas.GroupBy(d => d.Key.ShopId))
        {
            await ShopLedger.EnsureAccountAsync(db, shop.Key, cancellationToken);
            long Delta(SettlementBucket bucket) => shop.Where(d => d.Key.Bucket == bucket).Sum(d => d.Value);
            var (pending, withdrawable) = (Delta(SettlementBucket.Pending), Delta(SettlementBucket.Withdrawable));
            await db.ShopAccounts.Where(a => a.ShopId == shop.Key).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.PendingFen, a => a.PendingFen + pending)
                .SetProperty(a => a.WithdrawableFen, a => a.WithdrawableFen + withdrawable), cancellationToken);
        }
        _deltas.Clear();
    }

    private static Money Fee(Money amount, HistoryShop shop) => amount.Percent(new BasisPoints(shop.ServiceFeeBp));

    private void Move(HistorySale sale, int? lineId, SettlementEntryKind kind, SettlementBucket? from, SettlementBucket? to, long fen, DateTime at)
    {
        if (fen <= 0)
        {
            return;
        }
        db.SettlementEntries.Add(new SettlementEntry(sale.Shop.Id, sale.Order.Id, lineId, null, kind, from, to, fen, at));
        if (from is { } out_)
        {
            _deltas[(sale.Shop.Id, out_)] = _deltas.GetValueOrDefault((sale.Shop.Id, out_)) - fen;
        }
        if (to is { } in_)
        {
            _deltas[(sale.Shop.Id, in_)] = _deltas.GetValueOrDefault((sale.Shop.Id, in_)) + fen;
        }
    }
}
