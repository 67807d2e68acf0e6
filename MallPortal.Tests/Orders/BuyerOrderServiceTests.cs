using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders;

/// <summary>延长收货, 删除订单, 再次购买 and 撤销取消申请 on a real database: each for the buyer's own orders, each refused where it does not fit.</summary>
public sealed class BuyerOrderServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Receipt_is_extended_once_by_five_days_and_the_timer_waits_for_the_new_date(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        var service = kit.Get<BuyerOrderService>();
        await AssertRefusedAsync("只有待收货", () => service.ExtendReceiptAsync(buyer, number));
        await kit.ShipAsync(number);
        var due = (await kit.OrderAsync(number)).ReceiveBy!.Value;
        var other = await kit.ConsumerAsync(OrderTestKit.OtherBuyer);
        await AssertRefusedAsync("订单不存在", () => service.ExtendReceiptAsync(other, number));

        await service.ExtendReceiptAsync(buyer, number);
        await AssertRefusedAsync("只能延长一次", () => service.ExtendReceiptAsync(buyer, number));

        var order = await kit.OrderAsync(number);
        Assert.Equal(due.AddDays(5), order.ReceiveBy);
        Assert.Contains(order.Events, e => e.Kind == OrderEventKind.ReceiptExtended && e.Note == "自动确认收货顺延 5 天");
        var timers = kit.Get<OrderTimerService>();
        await timers.AutoConfirmAsync(due.AddMinutes(1));
        Assert.Equal(OrderStatus.PendingReceipt, (await kit.OrderAsync(number)).Status);
        await timers.AutoConfirmAsync(due.AddDays(5).AddMinutes(1));
        Assert.Equal(OrderStatus.Completed, (await kit.OrderAsync(number)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_finished_order_leaves_only_its_buyers_list_and_an_open_one_cannot_be_deleted(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var completed = await kit.CompletedOrderAsync(buyer, address, sku.SkuId);
        var open = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        var service = kit.Get<BuyerOrderService>();
        var queries = kit.Get<OrderQueries>();
        var before = (await queries.CountsAsync(buyer, OrderScope.Buyer)).GetValueOrDefault(OrderStatus.Completed);

        await AssertRefusedAsync("只有已完成或已取消", () => service.DeleteAsync(buyer, open));
        await AssertRefusedAsync("订单不存在", async () => await service.DeleteAsync(await kit.ConsumerAsync(OrderTestKit.OtherBuyer), completed));
        await service.DeleteAsync(buyer, completed);
        await service.DeleteAsync(buyer, completed);

        var mine = await queries.ListAsync(buyer, OrderScope.Buyer, new OrderFilter(null), 0, 100);
        Assert.DoesNotContain(mine.Items, o => o.Number == completed);
        Assert.Contains(mine.Items, o => o.Number == open);
        Assert.Equal(before - 1, (await queries.CountsAsync(buyer, OrderScope.Buyer)).GetValueOrDefault(OrderStatus.Completed));
        var shop = await queries.ListAsync(await kit.MerchantAsync(), OrderScope.Shop, new OrderFilter(null), 0, 500);
        Assert.Contains(shop.Items, o => o.Number == completed);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Buying_again_fills_the_cart_with_what_is_still_available_and_says_what_is_not(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var (kept, gone) = (await kit.SkuAsync(index: 0, available: 10), await kit.SkuAsync(index: 1, available: 10));
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(kept.SkuId, 2), new CheckoutLine(gone.SkuId, 1)]);
        var number = Assert.Single(placed.OrderNumbers);
        await kit.Get<OrderService>().CancelUnpaidAsync(buyer, number);
        await kit.SetAvailableAsync(gone.SkuId, 0);
        var service = kit.Get<BuyerOrderService>();
        await AssertRefusedAsync("订单不存在", async () => await service.BuyAgainAsync(await kit.ConsumerAsync(OrderTestKit.OtherBuyer), number));

        var skipped = await service.BuyAgainAsync(buyer, number);

        Assert.Contains(gone.Title, Assert.Single(skipped));
        var cart = await kit.QueryAsync(db => db.CartItems.Where(c => c.UserId == buyer.UserId).Select(c => new { c.SkuId, c.Quantity }).ToListAsync());
        Assert.Equal(2, Assert.Single(cart, c => c.SkuId == kept.SkuId).Quantity);
        Assert.DoesNotContain(cart, c => c.SkuId == gone.SkuId);
        await kit.SetAvailableAsync(kept.SkuId, 2);
        await AssertRefusedAsync("已下架或售罄", () => service.BuyAgainAsync(buyer, number)); // the cart already holds the last two
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_withdrawn_cancellation_request_leaves_the_order_to_ship_and_may_be_asked_again(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        var refunds = kit.Get<RefundService>();
        await AssertRefusedAsync("没有待处理的取消申请", () => refunds.WithdrawCancellationAsync(buyer, number));
        var refund = await refunds.RequestCancellationAsync(buyer, number, "拍错了规格或数量");
        await AssertRefusedAsync("订单不存在", async () => await refunds.WithdrawCancellationAsync(await kit.ConsumerAsync(OrderTestKit.OtherBuyer), number));

        await refunds.WithdrawCancellationAsync(buyer, number);

        Assert.Equal(RefundStatus.Withdrawn, await kit.QueryAsync(db => db.Refunds.Where(r => r.Number == refund).Select(r => r.Status).SingleAsync()));
        var merchant = await kit.MerchantAsync();
        await AssertRefusedAsync("已处理", () => refunds.DecideAsync(merchant, refund, true, null));
        Assert.Contains((await kit.OrderAsync(number)).Events, e => e.Kind == OrderEventKind.CancellationWithdrawn);
        await kit.ShipAsync(number);
        Assert.Equal(OrderStatus.PendingReceipt, (await kit.OrderAsync(number)).Status);
        var again = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        await refunds.RequestCancellationAsync(buyer, again, "不想要了");
        await refunds.WithdrawCancellationAsync(buyer, again);
        await refunds.RequestCancellationAsync(buyer, again, "还是不想要了");
    }

    private static async Task AssertRefusedAsync(string message, Func<Task> act) =>
        Assert.Contains(message, (await Assert.ThrowsAsync<DomainException>(act)).Message);
}
