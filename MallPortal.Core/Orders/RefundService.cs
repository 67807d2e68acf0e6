using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>Cancellation of a paid order before shipment: the buyer asks, the merchant approves (refund) or rejects with a reason.</summary>
public sealed class RefundService(IDbContextFactory<MallDbContext> contexts, PaymentGateways gateways, OrderSteps steps,
    StockNotifier stockNotifier, OrderNumbers numbers, TimeProvider clock)
{
    public async Task<string> RequestCancellationAsync(Actor actor, string orderNumber, string? reason, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForBuyerAsync(db, actor, orderNumber, cancellationToken);
        OrderTransitions.Next(order.Status, OrderTrigger.CancelWithRefund);
        await Risk.RiskHolds.EnsureNotHeldAsync(db, order, cancellationToken);
        if (await db.Refunds.AnyAsync(r => r.OrderId == order.Id && r.Status == RefundStatus.Requested, cancellationToken))
        {
            throw new DomainException(CoreText.CancellationAlreadyRequested);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var refund = new Refund(numbers.Refund(now), order, reason, now);
        db.Refunds.Add(refund);
        order.Record(OrderEventKind.CancellationRequested, refund.Reason, actor.UserId, now);
        await steps.CommitAsync(db, cancellationToken);
        return refund.Number;
    }

    /// <summary>撤销申请: the buyer takes its cancellation request back while the merchant has not decided; the order goes on.</summary>
    public async Task WithdrawCancellationAsync(Actor actor, string orderNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForBuyerAsync(db, actor, orderNumber, cancellationToken);
        var refund = await db.Refunds.SingleOrDefaultAsync(r => r.OrderId == order.Id && r.Status == RefundStatus.Requested, cancellationToken)
            ?? throw new DomainException(CoreText.CancellationNotOpen);
        var now = clock.GetUtcNow().UtcDateTime;
        refund.Withdraw(actor.UserId, now);
        order.Record(OrderEventKind.CancellationWithdrawn, null, actor.UserId, now);
        await steps.CommitAsync(db, cancellationToken);
    }

    /// <summary>
    /// Approval refunds through the gateway first (idempotent by the refund number, so a retry after a failure never pays
    /// twice), then cancels the order and returns its stock in one transaction.
    /// </summary>
    public async Task DecideAsync(Actor actor, string refundNumber, bool approve, string? rejectReason, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        var refund = await db.Refunds.Include(r => r.Lines).SingleOrDefaultAsync(r => r.Number == refundNumber && r.ShopId == shopId, cancellationToken)
            ?? throw new DomainException(CoreText.RefundNotFound);
        // A request the buyer withdrew (or another decision settled) must never reach the gateway.
        refund.EnsureOpen();
        var order = await OrderAccess.Full(db).SingleAsync(o => o.Id == refund.OrderId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!approve)
        {
            refund.Reject(rejectReason, actor.UserId, now);
            order.Record(OrderEventKind.CancellationRejected, refund.RejectReason, actor.UserId, now);
            await steps.CommitAsync(db, cancellationToken);
            return;
        }
        await RefundWholeAsync(db, order, refund, actor.UserId, now, cancellationToken);
    }

    /// <summary>
    /// Pays a whole-order refund back through the order's gateway, then cancels the order and releases its stock in one
    /// transaction (an approved cancellation, or a payment the risk review refused).
    /// </summary>
    internal async Task RefundWholeAsync(MallDbContext db, Order order, Refund refund, int actorUserId, DateTime now, CancellationToken cancellationToken)
    {
        OrderTransitions.Next(order.Status, OrderTrigger.CancelWithRefund);
        GatewayRefundResult? paid = null;
        if (refund.Amount.Fen > 0)
        {
            paid = await gateways.Get(order.PaymentMethod).RefundAsync(
                new GatewayRefundRequest(order.Payment.Number, refund.Number, refund.Amount, order.Payment.Amount, refund.Reason, order.Payment.GatewayTradeNo), cancellationToken);
            if (!paid.Accepted)
            {
                throw new DomainException(string.Format(CoreText.RefundFailed, paid.Error));
            }
            order.Payment.AddRefund(refund.Amount);
        }
        refund.Complete(paid, actorUserId, now);
        order.CancelWithRefund(refund, now, actorUserId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StockLedger.ApplyAsync(db, OrderAccess.StockLines(order), StockMovementKind.Release, order.Number, now, cancellationToken);
        await steps.CommitAsync(db, cancellationToken);
        await stockNotifier.AfterCommitAsync(order.Lines.Select(l => l.SkuId).ToList(), [], cancellationToken);
    }
}
