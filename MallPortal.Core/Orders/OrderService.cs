using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>What a buyer does to their own orders: cancel an unpaid one, confirm receipt.</summary>
public sealed class OrderService(IDbContextFactory<MallDbContext> contexts, PaymentService payments, OrderSteps steps,
    StockNotifier stockNotifier, TimeProvider clock)
{
    /// <summary>The stock is back at once; the checkout's payment is closed at the gateway so it can no longer be paid.</summary>
    public async Task CancelUnpaidAsync(Actor actor, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForBuyerAsync(db, actor, number, cancellationToken);
        OrderTransitions.Next(order.Status, OrderTrigger.CancelByBuyer);
        if (!await payments.CloseAtGatewayAsync(order.PaymentMethod, order.Payment.Number, cancellationToken))
        {
            // Paid at the cashier a moment ago (and now settled from the gateway's answer).
            throw new DomainException(CoreText.OrderJustPaid);
        }
        await CancelUnpaidAsync(db, [order], OrderTrigger.CancelByBuyer, actor.UserId, cancellationToken);
    }

    public async Task ConfirmReceiptAsync(Actor actor, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForBuyerAsync(db, actor, number, cancellationToken);
        order.Apply(OrderTrigger.ConfirmReceipt, clock.GetUtcNow().UtcDateTime, actor.UserId);
        await steps.CommitAsync(db, cancellationToken);
    }

    /// <summary>Cancels unpaid orders and releases their stock in one transaction (their payment is closed), then tells everyone.</summary>
    internal async Task CancelUnpaidAsync(MallDbContext db, IReadOnlyList<Order> orders, OrderTrigger trigger, int? actorUserId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var order in orders)
        {
            order.Apply(trigger, now, actorUserId);
            order.Payment.Close();
            await StockLedger.ApplyAsync(db, OrderAccess.StockLines(order), StockMovementKind.Release, order.Number, now, cancellationToken);
        }
        await steps.CommitAsync(db, cancellationToken);
        await stockNotifier.AfterCommitAsync(orders.SelectMany(o => o.Lines).Select(l => l.SkuId).Distinct().ToList(), [], cancellationToken);
    }
}
