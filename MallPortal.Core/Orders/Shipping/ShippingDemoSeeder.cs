using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Shipping.Simulator;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>
/// Parcels with a past, through the real services and the simulator: 刘洋's parcel scanned all the way to 签收 over the
/// last two days; an order of three shipped two now (one to go) and on its way; 吴昊's parcel refused at the door, in
/// the shop's 物流异常 queue. The other demo parcels go on moving live, one scan per simulator step.
/// </summary>
public sealed class ShippingDemoSeeder(IDbContextFactory<MallDbContext> contexts, DemoShopper shopper, ShippingService shipping,
    TrackingSimulator simulator, TimeProvider clock) : IDemoSeeder
{
    public string Name => "shipping";

    public int Order => 450;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var liuYang = await db.Users.Where(u => u.PhoneNumber == "13800000022").Select(u => u.Id).SingleAsync(cancellationToken);
        var delivered = await ParcelOfAsync(db, liuYang, ShipmentStatus.AwaitingPickup, cancellationToken);
        await JourneyAsync(delivered, [-50, -44, -34, -26, -5, -2], now, cancellationToken);

        var buyer = new Actor(liuYang, new HashSet<string> { Roles.Consumer });
        var (number, shopId) = await shopper.BuyAsync(buyer, 13, Payments.CashOnDeliveryGateway.GatewayName, "demo-split-parcels", cancellationToken, quantity: 3);
        var owner = await db.Shops.Where(s => s.Id == shopId).Select(s => s.OwnerUserId).SingleAsync(cancellationToken);
        var lineId = await db.OrderLines.Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.Number == number)).Select(l => l.Id).SingleAsync(cancellationToken);
        await shipping.ShipAsync(new Actor(owner, new HashSet<string> { Roles.Merchant }), number,
            new ShipmentInput("yuantong", "YT8000000000001", new Dictionary<int, int> { [lineId] = 2 }), null, cancellationToken);
        await JourneyAsync("YT8000000000001", [-20, -14, -6], now, cancellationToken);

        var wuHao = await db.Users.Where(u => u.PhoneNumber == "13800000024").Select(u => u.Id).SingleAsync(cancellationToken);
        var refused = await ParcelOfAsync(db, wuHao, ShipmentStatus.AwaitingPickup, cancellationToken);
        await simulator.ScriptAsync(refused, ParcelScript.Refused, cancellationToken);
        await JourneyAsync(refused, [-70, -60, -48, -40, -30, -26, -20], now, cancellationToken);
    }

    private static Task<string> ParcelOfAsync(MallDbContext db, int buyerId, ShipmentStatus status, CancellationToken cancellationToken) =>
        db.Shipments.Where(s => s.Status == status
                && db.Orders.Any(o => o.Id == s.OrderId && o.BuyerUserId == buyerId && o.Status == OrderStatus.PendingReceipt))
            .OrderBy(s => s.Id).Select(s => s.TrackingNumber).FirstAsync(cancellationToken);

    /// <summary>The simulator's next scans, dated so many hours ago, as if they had been pushed over the days.</summary>
    private async Task JourneyAsync(string trackingNumber, int[] hoursAgo, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var hours in hoursAgo)
        {
            await simulator.PushNextAsync(trackingNumber, now.AddHours(hours), cancellationToken);
        }
    }
}
