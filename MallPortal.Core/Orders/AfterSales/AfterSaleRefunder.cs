using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>
/// The one way a case gives money back. The gateway first, idempotent by the case's refund number (kept before the
/// call, so a retry after a failure never pays twice; cash on delivery is paid back by the shop's hand); then in one
/// transaction the refund by line, the order step its handlers follow (commissions reversed or clawed back pro rata,
/// the receivable and the fee's share, sales counts), the stock, and the case.
/// </summary>
public sealed class AfterSaleRefunder(PaymentGateways gateways, OrderNumbers numbers, OrderSteps steps, StockNotifier stockNotifier,
    AfterSaleNotifier notifier)
{
    internal async Task RefundAsync(MallDbContext db, AfterSale sale, Money amount, bool restock, string? ruling, int? actorUserId, DateTime now,
        CancellationToken cancellationToken)
    {
        sale.Ensure(AfterSaleTrigger.Refund);
        if (amount.Fen <= 0 || amount > sale.Amount)
        {
            throw new DomainException(string.Format(CoreText.AfterSaleAmountInvalid, sale.Amount), "Amount");
        }
        var order = await OrderAccess.Full(db).SingleAsync(o => o.Id == sale.OrderId, cancellationToken);
        var refundNumber = sale.RefundNumber ?? await KeepNumberAsync(db, sale, now, cancellationToken);
        var reason = $"售后 {sale.Number}：{AfterSaleText.Reason(sale.Reason)}";
        GatewayRefundResult? paid = null;
        if (!CashOnDeliveryGateway.Is(order.PaymentMethod))
        {
            paid = await gateways.Get(order.PaymentMethod).RefundAsync(
                new GatewayRefundRequest(order.Payment.Number, refundNumber, amount, order.Payment.Amount, reason, order.Payment.GatewayTradeNo), cancellationToken);
            if (!paid.Accepted)
            {
                throw new DomainException(string.Format(CoreText.RefundFailed, paid.Error));
            }
            order.Payment.AddRefund(amount);
        }
        // Units count as returned (sales count, later claims) only when the whole claim is paid back; a partial ruling keeps the goods with the buyer.
        var units = amount == sale.Amount ? sale.Quantity : 0;
        var refund = Refund.ForAfterSale(refundNumber, order, sale.OrderLineId, units, amount, reason, paid, actorUserId, now);
        db.Refunds.Add(refund);
        var line = order.Lines.Single(l => l.Id == sale.OrderLineId);
        // Units never shipped are still reserved; returned goods the merchant takes back go on the shelf again.
        var stock = order.Status == OrderStatus.PendingShipment ? StockMovementKind.Release : restock ? StockMovementKind.Return : (StockMovementKind?)null;
        sale.Refunded(refundNumber, amount, stock == StockMovementKind.Return, ruling, actorUserId, now);
        order.RefundAfterSale(refund, $"{sale.Number} {AfterSaleText.Status(sale.Status)} {amount}", actorUserId, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var opened = stock is { } kind && units > 0
            ? await StockLedger.ApplyAsync(db, [new StockLine(line.SkuId, units)], kind, sale.Number, now, cancellationToken)
            : [];
        await steps.CommitAsync(db, cancellationToken);
        await stockNotifier.AfterCommitAsync([line.SkuId], opened, cancellationToken);
        await notifier.AfterCommitAsync(sale.Id, cancellationToken);
    }

    private async Task<string> KeepNumberAsync(MallDbContext db, AfterSale sale, DateTime now, CancellationToken cancellationToken)
    {
        var number = numbers.Refund(now);
        sale.KeepRefundNumber(number);
        await OrderAccess.SaveAsync(db, cancellationToken);
        return number;
    }
}
