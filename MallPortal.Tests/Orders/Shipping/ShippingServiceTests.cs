using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Shipping;
using MallPortal.Tests.Accounts;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders.Shipping;

public class ShippingServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task An_order_ships_in_two_parcels_and_waits_for_receipt_only_after_the_last(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(available: 10), await kit.SkuAsync(index: 1, available: 10));
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 3), new CheckoutLine(b.SkuId, 1)]);
        await kit.PayAsync(placed);
        var number = Assert.Single(placed.OrderNumbers);
        var lines = (await kit.OrderAsync(number)).Lines.ToDictionary(l => l.SkuId, l => l.Id);
        var (shipping, merchant) = (kit.Get<ShippingService>(), await kit.MerchantAsync());
        var onHand = (await kit.StockAsync(a.SkuId)).OnHand;

        var first = await shipping.ShipAsync(merchant, number, new("yuantong", "YT1234567890123", new Dictionary<int, int> { [lines[a.SkuId]] = 2 }), OrderTestKit.SiteUrl);
        Assert.Equal((OrderStatus.PendingShipment, onHand - 2, 1), ((await kit.OrderAsync(number)).Status, (await kit.StockAsync(a.SkuId)).OnHand, first));
        Assert.Equal((1, 1), ((await kit.StockAsync(a.SkuId)).Reserved, (await kit.StockAsync(b.SkuId)).Reserved));
        var tooMany = await Assert.ThrowsAsync<DomainException>(() =>
            shipping.ShipAsync(merchant, number, new("yuantong", "YT1234567890124", new Dictionary<int, int> { [lines[a.SkuId]] = 2 })));
        var sameNumber = await Assert.ThrowsAsync<DomainException>(() => shipping.ShipAsync(merchant, number, new("yuantong", "YT1234567890123")));
        Assert.Equal(("Quantities", "TrackingNumber"), (tooMany.Field, sameNumber.Field));

        var second = await shipping.ShipAsync(merchant, number, new("shunfeng", "SF1234567890123"), OrderTestKit.SiteUrl);

        var order = await kit.OrderAsync(number);
        Assert.Equal((2, OrderStatus.PendingReceipt), (second, order.Status));
        Assert.Equal([OrderEventKind.PackageShipped, OrderEventKind.Ship], order.Events.OrderBy(e => e.Id).Select(e => e.Kind).Where(k => k is OrderEventKind.PackageShipped or OrderEventKind.Ship));
        var parcels = await kit.QueryAsync(c => c.Shipments.Include(s => s.Lines).AsNoTracking().Where(s => s.OrderId == order.Id).OrderBy(s => s.Sequence).ToListAsync());
        Assert.Equal([[(lines[a.SkuId], 2)], new[] { (lines[a.SkuId], 1), (lines[b.SkuId], 1) }],
            parcels.Select(p => p.Lines.OrderBy(l => l.OrderLineId).Select(l => (l.OrderLineId, l.Quantity)).ToArray()));
        Assert.All(parcels, p => Assert.Equal(TrackingMode.Subscribed, p.Tracking));
        Assert.Equal((0, 0), ((await kit.StockAsync(a.SkuId)).Reserved, (await kit.StockAsync(b.SkuId)).Reserved));
        var moves = await kit.QueryAsync(c => c.StockMovements.AsNoTracking().Where(m => m.Reference == number && m.Kind == StockMovementKind.Shipment).CountAsync());
        Assert.Equal(3, moves);
        Assert.Equal(2, (await PasswordAndContactTests.InboxTitlesAsync(kit.Db, buyer.UserId)).Count(t => t == "订单已发货"));
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_line_shipped_whole_in_the_first_parcel_leaves_the_second_to_complete_the_order(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(available: 10), await kit.SkuAsync(index: 1, available: 10));
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 2), new CheckoutLine(b.SkuId, 1)]);
        await kit.PayAsync(placed);
        var number = Assert.Single(placed.OrderNumbers);
        var lines = (await kit.OrderAsync(number)).Lines.ToDictionary(l => l.SkuId, l => l.Id);
        var (shipping, merchant) = (kit.Get<ShippingService>(), await kit.MerchantAsync());

        await shipping.ShipAsync(merchant, number, new("shunfeng", "SF1234567890123", new Dictionary<int, int> { [lines[a.SkuId]] = 2 }));
        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(number)).Status);
        await shipping.ShipAsync(merchant, number, new("shunfeng", "SF1234567890124"));

        Assert.Equal(OrderStatus.PendingReceipt, (await kit.OrderAsync(number)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_shop_and_the_buyer_cannot_ship_and_nothing_ships_after_the_last_parcel(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId, quantity: 2);
        var (shipping, stranger) = (kit.Get<ShippingService>(), await kit.MerchantAsync(OrderTestKit.ShopB));

        await Assert.ThrowsAsync<DomainException>(() => shipping.ShipAsync(stranger, number, new("shunfeng", "SF1234567890123")));
        await Assert.ThrowsAsync<DomainException>(() => shipping.ShipAsync(buyer, number, new("shunfeng", "SF1234567890123")));
        await kit.ShipAsync(number);
        var again = await Assert.ThrowsAsync<DomainException>(() => kit.ShipAsync(number, trackingNumber: "SF1234567890124"));
        Assert.Contains("待收货", again.Message);
        var orderId = (await kit.OrderAsync(number)).Id;
        Assert.Equal(1, await kit.QueryAsync(c => c.Shipments.CountAsync(s => s.OrderId == orderId)));
    }
}
