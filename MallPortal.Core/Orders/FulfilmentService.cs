using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders;

/// <summary>What a merchant does to its shop's orders: ship with carrier and tracking number, mark cash collected.</summary>
public sealed class FulfilmentService(IDbContextFactory<MallDbContext> contexts, OrderSteps steps, StockNotifier stockNotifier,
    IOptions<OrderOptions> options, TimeProvider clock)
{
    /// <summary>The reserved units leave the shelf with the parcel, in the same transaction as the status change.</summary>
    public async Task ShipAsync(Actor actor, string number, string? carrier, string? trackingNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForShopAsync(db, actor, number, cancellationToken);
        if (await db.Refunds.AnyAsync(r => r.OrderId == order.Id && r.Status == RefundStatus.Requested, cancellationToken))
        {
            throw new DomainException(Resources.CoreText.ShipWithOpenCancellation);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        order.Ship(carrier, trackingNumber, now, TimeSpan.FromDays(options.Value.AutoConfirmDays), actor.UserId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var opened = await StockLedger.ApplyAsync(db, OrderAccess.StockLines(order), StockMovementKind.Shipment, order.Number, now, cancellationToken);
        await steps.CommitAsync(db, cancellationToken);
        await stockNotifier.AfterCommitAsync(order.Lines.Select(l => l.SkuId).ToList(), opened, cancellationToken);
    }

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
