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
    TrackingSimulator simulator, ShipmentCareService care, TimeProvider clock) : IDemoSeeder
{
    public string Name => "shipping";

    public int Order => 450;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var liuYang = await db.Users.Where(u => u.PhoneNumber == "13800000022").Select(u => u.Id).SingleAsync(cancellationToken);
        var delivered = await ParcelOfAsync(db, liuYang, ShipmentStatus.AwaitingPickup, cancellationToken);
        await JourneyAsync(delivered, ParcelScript.Delivered, [-50, -44, -34, -26, -5, -2], now, cancellationToken);

        var buyer = new Actor(liuYang, new HashSet<string> { Roles.Consumer });
        var (number, shopId) = await shopper.BuyAsync(buyer, 13, Payments.CashOnDeliveryGateway.GatewayName, "demo-split-parcels", cancellationToken, quantity: 3);
        var owner = await db.Shops.Where(s => s.Id == shopId).Select(s => s.OwnerUserId).SingleAsync(cancellationToken);
        var lineId = await db.OrderLines.Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.Number == number)).Select(l => l.Id).SingleAsync(cancellationToken);
        await shipping.ShipAsync(new Actor(owner, new HashSet<string> { Roles.Merchant }), number,
            new ShipmentInput("yuantong", "YT8000000000001", new Dictionary<int, int> { [lineId] = 2 }), null, cancellationToken);
        await JourneyAsync("YT8000000000001", ParcelScript.Delivered, [-20, -14, -6], now, cancellationToken);

        var wuHao = await db.Users.Where(u => u.PhoneNumber == "13800000024").Select(u => u.Id).SingleAsync(cancellationToken);
        var refused = await ParcelOfAsync(db, wuHao, ShipmentStatus.AwaitingPickup, cancellationToken);
        await JourneyAsync(refused, ParcelScript.Refused, [-70, -60, -48, -40, -30, -26, -20], now, cancellationToken);
    }

    private static Task<string> ParcelOfAsync(MallDbContext db, int buyerId, ShipmentStatus status, CancellationToken cancellationToken) =>
        db.Shipments.Where(s => s.Status == status
                && db.Orders.Any(o => o.Id == s.OrderId && o.BuyerUserId == buyerId && o.Status == OrderStatus.PendingReceipt))
            .OrderBy(s => s.Id).Select(s => s.TrackingNumber).FirstAsync(cancellationToken);

    /// <summary>
    /// The script's first scans, dated so many hours ago: pushed by the simulator as if over the days, or typed as the
    /// merchant would where no provider follows parcels (Kuaidi100 follows real numbers only, so its demo parcels wait).
    /// </summary>
    private async Task JourneyAsync(string trackingNumber, ParcelScript script, int[] hoursAgo, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parcel = await db.Shipments.AsNoTracking().Where(s => s.TrackingNumber == trackingNumber)
            .Select(s => new { s.Id, s.Tracking, s.CarrierCode, Owner = db.Shops.Where(p => p.Id == s.ShopId).Select(p => p.OwnerUserId).Single(),
                Destination = db.Orders.Where(o => o.Id == s.OrderId).Select(o => o.RecipientProvince + o.RecipientCity + o.RecipientDistrict).Single() })
            .SingleAsync(cancellationToken);
        if (parcel.Tracking == TrackingMode.Subscribed && await simulator.FollowsAsync(trackingNumber, cancellationToken))
        {
            await simulator.ScriptAsync(trackingNumber, script, cancellationToken);
            foreach (var hours in hoursAgo)
            {
                await simulator.PushNextAsync(trackingNumber, now.AddHours(hours), cancellationToken);
            }
        }
        else if (parcel.Tracking == TrackingMode.Manual)
        {
            var merchant = new Actor(parcel.Owner, new HashSet<string> { Roles.Merchant });
            for (var step = 0; step < hoursAgo.Length; step++)
            {
                var scan = ParcelJourney.At(script, step, Carriers.NameOf(parcel.CarrierCode), ParcelJourney.DemoOrigin, parcel.Destination);
                await care.AddScanAsync(merchant, parcel.Id, new ManualScan(now.AddHours(hoursAgo[step]), scan.Area, scan.Context,
                    Kuaidi100.Kuaidi100Protocol.StateOf(scan.Code)), cancellationToken);
            }
        }
    }
}
