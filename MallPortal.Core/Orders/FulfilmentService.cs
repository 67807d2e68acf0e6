using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>The merchant takes the cash of a cash-on-delivery order (shipping is <see cref="Shipping.ShippingService"/>).</summary>
public sealed class FulfilmentService(IDbContextFactory<MallDbContext> contexts, OrderSteps steps, TimeProvider clock)
{
    public async Task MarkCashCollectedAsync(Actor actor, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForShopAsync(db, actor, number, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        order.MarkCashCollected(now, actor.UserId);
        // A cancelled order of the same checkout will never be collected; it must not keep the payment open.
        var others = await db.Orders.Where(o => o.PaymentId == order.PaymentId && o.Id != order.Id && o.Status != OrderStatus.Cancelled
            && o.CashCollectedAt == null).AnyAsync(cancellationToken);
        if (!others)
        {
            order.Payment.MarkCollected(now);
        }
        await steps.CommitAsync(db, cancellationToken);
    }
}
