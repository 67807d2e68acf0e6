using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Shipping;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders;

public class OrderAccessTests
{
    private const string NotFound = "订单不存在";
    private const string NotAllowed = "您没有执行此操作的权限";

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_consumer_neither_sees_nor_acts_on_an_order(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var other = await kit.ConsumerAsync(OrderTestKit.OtherBuyer);
        var sku = await kit.SkuAsync(available: 10);
        var unpaid = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);
        var paid = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        var shipped = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        await kit.ShipAsync(shipped);
        var orders = kit.Get<OrderService>();

        Assert.Null(await kit.Get<OrderQueries>().GetAsync(other, OrderScope.Buyer, unpaid));
        Assert.DoesNotContain((await kit.Get<OrderQueries>().ListAsync(other, OrderScope.Buyer, new OrderFilter(), 0, 50)).Items,
            r => r.Number == unpaid || r.Number == paid || r.Number == shipped);
        await AssertRefusedAsync(NotFound, () => orders.CancelUnpaidAsync(other, unpaid));
        await AssertRefusedAsync(NotFound, () => kit.Get<PaymentService>().StartAsync(other, unpaid, OrderTestKit.SiteUrl));
        await AssertRefusedAsync(NotFound, () => kit.Get<RefundService>().RequestCancellationAsync(other, paid, "别人的订单"));
        await AssertRefusedAsync(NotFound, () => orders.ConfirmReceiptAsync(other, shipped));

        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(unpaid)).Status);
        Assert.Equal(OrderStatus.PendingReceipt, (await kit.OrderAsync(shipped)).Status);
        Assert.Empty(await kit.QueryAsync(c => c.Refunds.Where(r => r.BuyerUserId == buyer.UserId).ToListAsync()));
        Assert.Empty(await kit.QueryAsync(c => c.SandboxTrades.ToListAsync()));
        Assert.NotNull(await kit.Get<OrderQueries>().GetAsync(buyer, OrderScope.Buyer, unpaid));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_shops_merchant_neither_sees_nor_ships_nor_decides_an_order(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(OrderTestKit.ShopA, available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        var cod = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)], CashOnDeliveryGateway.GatewayName)).OrderNumbers);
        await kit.ShipAsync(cod);
        var refundNumber = await kit.Get<RefundService>().RequestCancellationAsync(buyer, number, "不要了");
        var stranger = await kit.MerchantAsync(OrderTestKit.ShopB);
        var fulfilment = kit.Get<FulfilmentService>();

        Assert.Null(await kit.Get<OrderQueries>().GetAsync(stranger, OrderScope.Shop, number));
        await AssertRefusedAsync(NotFound, () => kit.Get<ShippingService>().ShipAsync(stranger, number, new("shunfeng", "SF1234567890123")));
        await AssertRefusedAsync(NotFound, () => fulfilment.MarkCashCollectedAsync(stranger, cod));
        await AssertRefusedAsync("取消申请不存在", () => kit.Get<RefundService>().DecideAsync(stranger, refundNumber, approve: true, rejectReason: null));
        await AssertRefusedAsync(NotAllowed, () => kit.Get<ShippingService>().ShipAsync(buyer, number, new("shunfeng", "SF1234567890123")));

        Assert.Equal(RefundStatus.Requested, await kit.QueryAsync(c => c.Refunds.Where(r => r.BuyerUserId == buyer.UserId).Select(r => r.Status).SingleAsync()));
        Assert.Empty(await kit.QueryAsync(c => c.Set<SandboxRefund>().ToListAsync()));
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, Money.Zero), (order.Status, order.Payment.Refunded));
        Assert.Null((await kit.OrderAsync(cod)).CashCollectedAt);
        Assert.NotNull(await kit.Get<OrderQueries>().GetAsync(await kit.MerchantAsync(OrderTestKit.ShopA), OrderScope.Shop, number));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_the_admin_reads_every_order_and_the_statistics(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 10));
        var (queries, admin) = (kit.Get<OrderQueries>(), await kit.AdminAsync());
        var (listedBefore, before) = ((await queries.ListAsync(admin, OrderScope.Admin, new OrderFilter(), 0, 1)).Total, await queries.StatsAsync(admin));
        await kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 1), new CheckoutLine(b.SkuId, 1)]);
        var paid = await kit.OrderAsync(await kit.PaidOrderAsync(buyer, address, a.SkuId, quantity: 2));

        await AssertRefusedAsync(NotAllowed, () => queries.StatsAsync(buyer));
        await AssertRefusedAsync(NotAllowed, () => queries.ListAsync(buyer, OrderScope.Admin, new OrderFilter(), 0, 20));
        await AssertRefusedAsync(NotAllowed, () => queries.CountsAsync(buyer, OrderScope.Admin));
        await AssertRefusedAsync(NotAllowed, () => queries.ListAsync(buyer, OrderScope.Shop, new OrderFilter(), 0, 20));
        var merchant = await kit.MerchantAsync();
        await AssertRefusedAsync(NotAllowed, () => queries.StatsAsync(merchant));

        Assert.Equal(listedBefore + 3, (await queries.ListAsync(admin, OrderScope.Admin, new OrderFilter(), 0, 1)).Total);
        var stats = await queries.StatsAsync(admin);
        int Count(OrderStats s, OrderStatus status) => s.ByStatus.GetValueOrDefault(status);
        Assert.Equal((Count(before, OrderStatus.PendingPayment) + 2, Count(before, OrderStatus.PendingShipment) + 1),
            (Count(stats, OrderStatus.PendingPayment), Count(stats, OrderStatus.PendingShipment)));
        ShopOrderCount Shop(OrderStats s, int shopId) => s.ByShop.SingleOrDefault(x => x.ShopId == shopId) ?? new ShopOrderCount(shopId, "", 0, 0, Core.Orders.Settlement.Takings.None);
        var (shopA, shopB) = (Shop(before, a.ShopId), Shop(before, b.ShopId));
        Assert.Equal((shopA.Orders + 2, shopA.Open + 2, shopA.Takings.Received + paid.Total, "华南数码旗舰店"),
            (Shop(stats, a.ShopId).Orders, Shop(stats, a.ShopId).Open, Shop(stats, a.ShopId).Takings.Received, Shop(stats, a.ShopId).ShopName));
        Assert.Equal((shopB.Orders + 1, shopB.Open + 1, shopB.Takings.Received, "江南家居生活馆"),
            (Shop(stats, b.ShopId).Orders, Shop(stats, b.ShopId).Open, Shop(stats, b.ShopId).Takings.Received, Shop(stats, b.ShopId).ShopName));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_merchants_list_and_counts_hold_only_its_own_shops_orders(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (other, otherAddress) = await kit.BuyerAsync(OrderTestKit.OtherBuyer);
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 10));
        var (queries, merchantA) = (kit.Get<OrderQueries>(), await kit.MerchantAsync(OrderTestKit.ShopA));
        var before = await queries.CountsAsync(merchantA, OrderScope.Shop);
        await kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 1), new CheckoutLine(b.SkuId, 1)]);
        var paidInB = await kit.PaidOrderAsync(other, otherAddress, b.SkuId);
        var paidInA = await kit.PaidOrderAsync(other, otherAddress, a.SkuId);

        var list = await queries.ListAsync(merchantA, OrderScope.Shop, new OrderFilter(), 0, 50);
        var filtered = await queries.ListAsync(merchantA, OrderScope.Shop, new OrderFilter(ShopId: b.ShopId), 0, 50);
        var counts = await queries.CountsAsync(merchantA, OrderScope.Shop);

        var shopAOrders = await kit.QueryAsync(c => c.Orders.Where(o => o.ShopId == a.ShopId).Select(o => o.Number).OrderBy(n => n).ToListAsync());
        Assert.Equal(shopAOrders, list.Items.Select(r => r.Number).Order());
        Assert.All(list.Items, r => Assert.Equal(a.ShopId, r.ShopId));
        Assert.Contains(list.Items, r => r.Number == paidInA);
        Assert.DoesNotContain(list.Items, r => r.Number == paidInB);
        Assert.Empty(filtered.Items);
        Assert.Equal((before.GetValueOrDefault(OrderStatus.PendingPayment) + 1, before.GetValueOrDefault(OrderStatus.PendingShipment) + 1),
            (counts[OrderStatus.PendingPayment], counts[OrderStatus.PendingShipment]));
        Assert.Equal(list.Total, counts.Values.Sum());
    }

    private static async Task AssertRefusedAsync(string message, Func<Task> act) =>
        Assert.Equal(message, (await Assert.ThrowsAsync<DomainException>(act)).Message);
}
