using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Tests.Accounts;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders;

public class OrderTimerTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task An_unpaid_order_stays_open_at_29_minutes_and_closes_at_30_with_its_stock_back(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 4)])).OrderNumbers);
        var timers = kit.Get<OrderTimerService>();

        kit.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await timers.CloseExpiredAsync(kit.Now));
        Assert.Equal((OrderStatus.PendingPayment, 4), ((await kit.OrderAsync(number)).Status, (await kit.StockAsync(sku.SkuId)).Reserved));

        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        var unpaidFor30Minutes = await CountAsync(kit, OrderStatus.PendingPayment, o => o.PlacedAt <= kit.Now.AddMinutes(-30));
        Assert.Equal(unpaidFor30Minutes, await timers.CloseExpiredAsync(kit.Now));

        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.Cancelled, kit.Now, PaymentStatus.Closed), (order.Status, order.CancelledAt, order.Payment.Status));
        Assert.Equal((OrderEventKind.CloseUnpaid, null), (order.Events.OrderBy(e => e.Id).Last().Kind, order.Events.OrderBy(e => e.Id).Last().ActorUserId));
        Assert.Equal((0, 10), ((await kit.StockAsync(sku.SkuId)).Reserved, (await kit.StockAsync(sku.SkuId)).Available));
        Assert.Contains("订单已关闭", await PasswordAndContactTests.InboxTitlesAsync(kit.Db, buyer.UserId));
        Assert.Equal(0, await timers.CloseExpiredAsync(kit.Now.AddMinutes(1)));
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_paid_order_is_never_closed_and_one_paid_at_the_cashier_is_settled_from_the_gateway(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var paid = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        var pending = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);
        kit.Notify.FailFirst = 1; // its notification is lost for now
        await kit.PayAtCashierAsync(buyer, pending);
        var timers = kit.Get<OrderTimerService>();
        kit.Clock.Advance(TimeSpan.FromMinutes(31));
        var unpaidFor30Minutes = await CountAsync(kit, OrderStatus.PendingPayment, o => o.PlacedAt <= kit.Now.AddMinutes(-30));
        var sales = (await kit.SalesAsync(sku.ProductId))[0];

        Assert.Equal(unpaidFor30Minutes - 1, await timers.CloseExpiredAsync(kit.Now));

        Assert.Equal((OrderStatus.PendingShipment, OrderStatus.PendingShipment), ((await kit.OrderAsync(paid)).Status, (await kit.OrderAsync(pending)).Status));
        Assert.Equal(sales + 1, (await kit.SalesAsync(sku.ProductId))[0]);
        // The notification arrives after all: acknowledged, nothing changes twice.
        Assert.Equal(1, await kit.Get<SandboxProvider>().DeliverDueAsync(kit.Now));
        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(pending)).Status);
        Assert.Equal(sales + 1, (await kit.SalesAsync(sku.ProductId))[0]);
        Assert.Equal(2, (await kit.StockAsync(sku.SkuId)).Reserved);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_payment_reminder_goes_once_ten_minutes_before_the_order_closes(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);
        var timers = kit.Get<OrderTimerService>();
        async Task<int> RemindersAsync() => (await PasswordAndContactTests.InboxTitlesAsync(kit.Db, buyer.UserId)).Count(t => t == "订单即将关闭");

        kit.Clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal((0, 0), (await timers.RemindUnpaidAsync(kit.Now), await RemindersAsync()));

        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        var unpaidFor20Minutes = await CountAsync(kit, OrderStatus.PendingPayment, o => o.PlacedAt <= kit.Now.AddMinutes(-20) && o.PlacedAt > kit.Now.AddMinutes(-30));
        Assert.Equal(unpaidFor20Minutes, await timers.RemindUnpaidAsync(kit.Now));

        Assert.Equal(1, await RemindersAsync());
        Assert.Equal(kit.Now, (await kit.OrderAsync(number)).PaymentReminderSentAt);
        var body = await kit.QueryAsync(c => c.Notifications.Where(n => n.UserId == buyer.UserId && n.Title == "订单即将关闭").Select(n => n.Body).SingleAsync());
        Assert.Contains(number, body);
        Assert.Contains("10 分钟", body);
        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal((0, 1), (await timers.RemindUnpaidAsync(kit.Now), await RemindersAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Receipt_is_confirmed_for_the_buyer_ten_days_after_shipping_and_not_before(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        await kit.ShipAsync(number);
        var shippedAt = kit.Now;
        var timers = kit.Get<OrderTimerService>();

        // Demo parcels signed for run their receipt from the signing, so the due ones are counted by their timer.
        kit.Clock.Advance(TimeSpan.FromDays(10) - TimeSpan.FromMinutes(1));
        var dueBefore = await CountAsync(kit, OrderStatus.PendingReceipt, o => o.ReceiveBy <= kit.Now);
        Assert.Equal(dueBefore, await timers.AutoConfirmAsync(kit.Now));
        Assert.Equal(OrderStatus.PendingReceipt, (await kit.OrderAsync(number)).Status);

        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await CountAsync(kit, OrderStatus.PendingReceipt, o => o.ReceiveBy <= kit.Now);
        Assert.Equal(due, await timers.AutoConfirmAsync(kit.Now));

        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.Completed, shippedAt.AddDays(10)), (order.Status, order.CompletedAt));
        Assert.Equal((OrderEventKind.AutoConfirmReceipt, null), (order.Events.OrderBy(e => e.Id).Last().Kind, order.Events.OrderBy(e => e.Id).Last().ActorUserId));
        Assert.Equal(0, await timers.AutoConfirmAsync(kit.Now.AddDays(1)));
        Assert.Single((await kit.OrderAsync(number)).Events, e => e.Kind == OrderEventKind.AutoConfirmReceipt);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Receipt_confirmed_by_the_timer_tells_the_buyer_once(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        await kit.ShipAsync(number);
        kit.Clock.Advance(TimeSpan.FromDays(10));

        await kit.Get<OrderTimerService>().AutoConfirmAsync(kit.Now);
        await kit.Get<OrderTimerService>().AutoConfirmAsync(kit.Now.AddDays(1));

        Assert.Equal(OrderStatus.Completed, (await kit.OrderAsync(number)).Status);
        var buyerTold = await kit.QueryAsync(c => c.Notifications.Where(n => n.UserId == buyer.UserId && n.Body.Contains(number)
            && (n.Title == "已自动确认收货" || n.Title == "已确认收货")).ToListAsync());
        var told = Assert.Single(buyerTold);
        Assert.Equal(("已自动确认收货", $"/account/orders/{number}"), (told.Title, told.Link));
    }

    // The demo consumer's orders run on the same clocks, so the expected counts come from what is stored.
    private static Task<int> CountAsync(OrderTestKit kit, OrderStatus status, System.Linq.Expressions.Expression<Func<Order, bool>> since) =>
        kit.QueryAsync(c => c.Orders.Where(o => o.Status == status).CountAsync(since));
}
