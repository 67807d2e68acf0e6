using MallPortal.Core.Common;
using MallPortal.Core.Distribution;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Settlement;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Orders;

public class TakingsQueriesTests
{
    private const string NotAllowed = "您没有执行此操作的权限";

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Cash_on_delivery_not_collected_is_open_money_and_becomes_received_only_when_collected(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var (takings, merchant, admin) = (kit.Get<TakingsQueries>(), await kit.MerchantAsync(), await kit.AdminAsync());
        var before = await takings.ForShopAsync(merchant, sku.ShopId);
        var cod = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 2)], CashOnDeliveryGateway.GatewayName)).OrderNumbers);
        await kit.ShipAsync(cod);
        var total = (await kit.OrderAsync(cod)).Total;

        var shipped = await takings.ForShopAsync(merchant, sku.ShopId);
        Assert.Equal((before.Received, before.Open + total, before.Refunded), (shipped.Received, shipped.Open, shipped.Refunded));
        Assert.Equal(shipped, Assert.Single(await takings.ByShopAsync(admin), s => s.ShopId == sku.ShopId).Takings);

        await kit.Get<FulfilmentService>().MarkCashCollectedAsync(merchant, cod);
        var collected = await takings.ForShopAsync(merchant, sku.ShopId);
        Assert.Equal((before.Received + total, before.Open, before.Refunded), (collected.Received, collected.Open, collected.Refunded));
        Assert.Equal(collected, (await kit.Get<OrderQueries>().StatsAsync(admin)).ByShop.Single(s => s.ShopId == sku.ShopId).Takings);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unpaid_paid_and_refunded_orders_land_in_their_own_figures_for_the_shop_and_for_today(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var (takings, merchant) = (kit.Get<TakingsQueries>(), await kit.MerchantAsync());
        var today = DateOnly.FromDateTime(kit.Get<BusinessTimeZone>().ToLocal(kit.Now));
        var day = Period.Days(kit.Get<BusinessTimeZone>(), today, today);
        var (before, beforeToday) = (await takings.ForShopAsync(merchant, sku.ShopId), await takings.ForShopAsync(merchant, sku.ShopId, day));

        var unpaid = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);
        var paid = await kit.PaidOrderAsync(buyer, address, sku.SkuId, quantity: 2);
        var refunded = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 3)])).OrderNumbers);
        await kit.PayAtCashierAsync(buyer, refunded);
        await kit.CancelledAndRefundedAsync(buyer, refunded);
        var (open, received, given) = ((await kit.OrderAsync(unpaid)).Total, (await kit.OrderAsync(paid)).Total, (await kit.OrderAsync(refunded)).Total);

        var after = await takings.ForShopAsync(merchant, sku.ShopId);
        Assert.Equal(new Takings(before.Received + received + given, before.Open + open, before.Refunded + given), after);
        var afterToday = await takings.ForShopAsync(merchant, sku.ShopId, day);
        Assert.Equal(new Takings(beforeToday.Received + received + given, beforeToday.Open + open, beforeToday.Refunded + given), afterToday);
        var tomorrow = Period.Days(kit.Get<BusinessTimeZone>(), today.AddDays(1), today.AddDays(1));
        Assert.Equal(Takings.None, await takings.ForShopAsync(merchant, sku.ShopId, tomorrow));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_merchant_reads_only_its_own_shops_takings_and_only_the_admin_reads_every_shop(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 10));
        await kit.PaidOrderAsync(buyer, address, b.SkuId);
        var (takings, merchantA, admin) = (kit.Get<TakingsQueries>(), await kit.MerchantAsync(OrderTestKit.ShopA), await kit.AdminAsync());

        await AssertRefusedAsync(() => takings.ForShopAsync(merchantA, b.ShopId));
        await AssertRefusedAsync(() => takings.ForShopAsync(buyer, a.ShopId));
        await AssertRefusedAsync(() => takings.ByShopAsync(merchantA));
        await AssertRefusedAsync(() => takings.ByShopAsync(buyer));

        Assert.Equal(await takings.ForShopAsync(admin, a.ShopId), await takings.ForShopAsync(merchantA, a.ShopId));
        Assert.Equal(new ShopTakings(a.ShopId, "华南数码旗舰店", await takings.ForShopAsync(admin, a.ShopId)), await takings.MineAsync(merchantA));
        await AssertRefusedAsync(() => takings.MineAsync(buyer));
        await AssertRefusedAsync(() => takings.MineAsync(admin));
        var shopB = await takings.ForShopAsync(admin, b.ShopId);
        Assert.True(shopB.Received > Money.Zero);
        Assert.Equal(shopB, Assert.Single(await takings.ByShopAsync(admin), s => s.ShopId == b.ShopId).Takings);
    }

    private static async Task AssertRefusedAsync(Func<Task> act) =>
        Assert.Equal(NotAllowed, (await Assert.ThrowsAsync<DomainException>(act)).Message);
}
