using MallPortal.Core.Catalog;
using MallPortal.Core.Catalog.Reviews;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Inventory;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.AfterSales;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Workbench;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Workbench;

public class WorkbenchQueriesTests
{
    private const string NotAllowed = "您没有执行此操作的权限";

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task The_merchant_desk_counts_todays_money_received_and_its_queues_but_not_cash_still_to_collect(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 20), await kit.SkuAsync(OrderTestKit.ShopB, available: 20));
        var (desk, merchant) = (kit.Get<MerchantWorkbenchQueries>(), await kit.MerchantAsync());
        var before = await desk.GetAsync(merchant);

        var paid = await kit.PaidOrderAsync(buyer, address, a.SkuId, quantity: 2);
        var cancelling = await kit.PaidOrderAsync(buyer, address, a.SkuId);
        await kit.Get<RefundService>().RequestCancellationAsync(buyer, cancelling, "拍错了");
        var cod = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 1)], CashOnDeliveryGateway.GatewayName)).OrderNumbers);
        await kit.PaidOrderAsync(buyer, address, b.SkuId);
        kit.Clock.Advance(TimeSpan.FromHours(3));

        var after = await desk.GetAsync(merchant);
        var received = (await kit.OrderAsync(paid)).Total + (await kit.OrderAsync(cancelling)).Total;
        Assert.Equal((before.PaidToday + 2, before.ReceivedToday + received, before.ToShip + 3, before.CancellationRequests + 1),
            (after.PaidToday, after.ReceivedToday, after.ToShip, after.CancellationRequests));
        Assert.True(after.LongestShippingWait >= TimeSpan.FromHours(3));

        // Cash on delivery counts as received only once collected; the shipped order leaves 待发货.
        await kit.ShipAsync(cod);
        await kit.Get<FulfilmentService>().MarkCashCollectedAsync(merchant, cod);
        var collected = await desk.GetAsync(merchant);
        Assert.Equal((after.PaidToday + 1, after.ReceivedToday + (await kit.OrderAsync(cod)).Total, after.ToShip - 1),
            (collected.PaidToday, collected.ReceivedToday, collected.ToShip));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_merchant_card_counts_what_the_list_it_opens_shows(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 20);
        await kit.Get<RefundService>().RequestCancellationAsync(buyer, await kit.PaidOrderAsync(buyer, address, sku.SkuId), "不想要了");
        var merchant = await kit.MerchantAsync();
        var (orders, desk) = (kit.Get<OrderQueries>(), await kit.Get<MerchantWorkbenchQueries>().GetAsync(merchant));

        async Task<int> Listed(OrderFilter filter) => (await orders.ListAsync(merchant, OrderScope.Shop, filter, 0, 1)).Total;
        Assert.Equal(desk.PaidToday, await Listed(new OrderFilter(Focus: OrderFocus.PaidToday)));
        Assert.Equal(desk.ToShip, await Listed(new OrderFilter(OrderStatus.PendingShipment)));
        Assert.Equal(desk.CancellationRequests, await Listed(new OrderFilter(Focus: OrderFocus.CancellationRequested)));
        Assert.True(desk.CancellationRequests >= 1);
        Assert.Equal(desk.AfterSalesWaiting,
            (await kit.Get<AfterSaleQueries>().CountsAsync(merchant, Core.Orders.AfterSales.AfterSaleParty.Merchant)).GetValueOrDefault(AfterSaleStatus.PendingMerchant));
        Assert.Equal(desk.LowStock, (await kit.Get<StockQueries>().OpenAlertsAsync(merchant)).Count);
        var unanswered = await kit.Get<ReviewQueries>().ForShopAsync(merchant, unrepliedOnly: true, 0, 50);
        Assert.Equal(desk.ReviewsToAnswer, unanswered.Total);
        Assert.Equal(unanswered.Items.Take(MerchantWorkbenchQueries.RecentReviews).Select(r => r.Id), desk.RecentUnanswered.Select(r => r.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_a_merchant_reads_a_desk_and_only_its_own_shops(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var b = await kit.SkuAsync(OrderTestKit.ShopB, available: 20);
        var (desk, merchantA) = (kit.Get<MerchantWorkbenchQueries>(), await kit.MerchantAsync(OrderTestKit.ShopA));
        var before = await desk.GetAsync(merchantA);

        await kit.PaidOrderAsync(buyer, address, b.SkuId);

        Assert.Equal((before.ShopId, before.PaidToday, before.ToShip), ((await desk.GetAsync(merchantA)).ShopId, (await desk.GetAsync(merchantA)).PaidToday,
            (await desk.GetAsync(merchantA)).ToShip));
        Assert.Equal(b.ShopId, (await desk.GetAsync(await kit.MerchantAsync(OrderTestKit.ShopB))).ShopId);
        await AssertRefusedAsync(() => desk.GetAsync(buyer));
        var admin = await kit.AdminAsync();
        await AssertRefusedAsync(() => desk.GetAsync(admin));
        await AssertRefusedAsync(() => kit.Get<AdminWorkbenchQueries>().GetAsync(merchantA));
        await AssertRefusedAsync(() => kit.Get<AdminWorkbenchQueries>().GetAsync(buyer));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_admin_desk_counts_orders_past_48_hours_and_the_lists_behind_its_cards(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 20);
        var admin = await kit.AdminAsync();
        var (desk, orders) = (kit.Get<AdminWorkbenchQueries>(), kit.Get<OrderQueries>());
        var late = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        var cod = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)], CashOnDeliveryGateway.GatewayName)).OrderNumbers);
        async Task<IReadOnlyList<string>> OverdueAsync() =>
            (await orders.ListAsync(admin, OrderScope.Admin, new OrderFilter(Focus: OrderFocus.ShippingOverdue), 0, 1000)).Items.Select(r => r.Number).ToList();

        kit.Clock.Advance(TimeSpan.FromHours(47));
        Assert.DoesNotContain(late, await OverdueAsync());
        kit.Clock.Advance(TimeSpan.FromHours(2));
        var overdue = await OverdueAsync();
        Assert.Contains(late, overdue);
        Assert.Contains(cod, overdue);
        var shipped = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        await kit.ShipAsync(late);

        var counts = await desk.GetAsync(admin);
        Assert.Equal(overdue.Count - 1, counts.ShippingOverdue);
        Assert.DoesNotContain(shipped, await OverdueAsync());
        Assert.Equal(counts.DistributorApplications, (await kit.Get<NetworkQueries>().ApplicationsAsync(admin, ApplicationStatus.Pending)).Count);
        Assert.Equal(counts.MerchantApplications, (await kit.Get<CatalogAdminService>().ListApplicationsAsync(admin, ApplicationStatus.Pending)).Count);
        Assert.Equal(counts.OutboxFailures, (await kit.Get<OutboxQueries>().ListAsync(admin, OutboxStatus.Failed, null, 0, 1)).Total);
    }

    private static async Task AssertRefusedAsync(Func<Task> act) =>
        Assert.Equal(NotAllowed, (await Assert.ThrowsAsync<DomainException>(act)).Message);
}
