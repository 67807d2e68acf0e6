using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>
/// The merchant ships an order in one parcel or several (carrier from the table, tracking number checked per carrier),
/// each parcel's units leaving the shelf in the same transaction; then the provider is asked to follow it.
/// </summary>
public sealed class ShippingService(IDbContextFactory<MallDbContext> contexts, OrderSteps steps, StockNotifier stockNotifier,
    ShipmentTracker tracker, ShippingSettings settings, TimeProvider clock)
{
    /// <summary>The parcel's number within the order (包裹1, 2 …). <paramref name="siteBaseUrl"/>: where the provider pushes the trace.</summary>
    public async Task<int> ShipAsync(Actor actor, string number, ShipmentInput input, string? siteBaseUrl = null,
        CancellationToken cancellationToken = default)
    {
        int shipmentId, sequence;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var order = await OrderAccess.ForShopAsync(db, actor, number, cancellationToken);
            if (await db.Refunds.AnyAsync(r => r.OrderId == order.Id && r.Status == RefundStatus.Requested, cancellationToken))
            {
                throw new DomainException(CoreText.ShipWithOpenCancellation);
            }
            if (order.Status != OrderStatus.PendingShipment)
            {
                OrderTransitions.Next(order.Status, OrderTrigger.Ship);
            }
            var (carrier, trackingNumber) = Carriers.Check(input.CarrierCode, input.TrackingNumber);
            var earlier = await db.Shipments.Include(s => s.Lines).Where(s => s.OrderId == order.Id).ToListAsync(cancellationToken);
            if (earlier.Any(s => s.CarrierCode == carrier.Code && s.TrackingNumber == trackingNumber))
            {
                throw new DomainException(CoreText.TrackingNumberUsed, "TrackingNumber");
            }
            var refunded = await db.Set<RefundLine>().Where(l => db.Refunds.Any(r => r.Id == l.RefundId && r.OrderId == order.Id && r.Status == RefundStatus.Refunded))
                .GroupBy(l => l.OrderLineId).Select(g => new { g.Key, Units = g.Sum(l => l.Quantity) }).ToDictionaryAsync(g => g.Key, g => g.Units, cancellationToken);
            if (await db.AfterSales.AnyAsync(a => a.OrderId == order.Id && AfterSales.AfterSaleTransitions.OpenStates.Contains(a.Status), cancellationToken))
            {
                throw new DomainException(CoreText.ShipWithOpenAfterSale);
            }
            var (lines, complete) = ShipmentPlan.Of(order, earlier, input.Quantities, refunded);
            var now = clock.GetUtcNow().UtcDateTime;
            var shipment = new Shipment(order.Id, order.ShopId, earlier.Count + 1, carrier, trackingNumber, lines,
                CallbackSite(siteBaseUrl), now, actor.UserId);
            db.Shipments.Add(shipment);
            order.ShipPackage(shipment, complete, now, TimeSpan.FromDays(settings.Orders.AutoConfirmDays), actor.UserId);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var stock = StockLedger.Merge(lines.Select(l => new StockLine(order.Lines.Single(o => o.Id == l.OrderLineId).SkuId, l.Quantity)));
            var opened = await StockLedger.ApplyAsync(db, stock, StockMovementKind.Shipment, order.Number, now, cancellationToken);
            await steps.CommitAsync(db, cancellationToken);
            await stockNotifier.AfterCommitAsync(stock.Select(s => s.SkuId).ToList(), opened, cancellationToken);
            (shipmentId, sequence) = (shipment.Id, shipment.Sequence);
        }
        await tracker.SubscribeAsync([shipmentId], cancellationToken);
        return sequence;
    }

    // Kuaidi100 must reach the site from outside; the simulator pushes in-process, so any address will do.
    private string? CallbackSite(string? siteBaseUrl) =>
        !settings.Logistics.Enabled ? null : settings.Logistics.IsSimulator ? siteBaseUrl ?? LogisticsOptions.SimulatorSite : siteBaseUrl;
}

/// <summary>The next parcel: carrier code, tracking number, and units per order line id (null: everything not shipped yet).</summary>
public sealed record ShipmentInput(string? CarrierCode, string? TrackingNumber, IReadOnlyDictionary<int, int>? Quantities = null);

/// <summary>The two option sets shipping reads, as one dependency.</summary>
public sealed class ShippingSettings(IOptions<OrderOptions> orders, IOptions<LogisticsOptions> logistics)
{
    public OrderOptions Orders => orders.Value;

    public LogisticsOptions Logistics => logistics.Value;
}
