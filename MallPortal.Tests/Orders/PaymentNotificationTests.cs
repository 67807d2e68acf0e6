using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders;

public class PaymentNotificationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    public static TheoryData<DatabaseProvider, string> ProvidersAndForgeries()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in TestDatabase.Providers())
        {
            foreach (var forgery in new[] { "signature", "amount", "payment" })
            {
                data.Add(provider, forgery);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_correctly_signed_notification_marks_the_payment_and_all_its_orders_paid(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (placed, products, sales) = await PlaceTwoShopOrderAsync(kit);

        var result = await kit.NotifyAsync(kit.PaidNotice(placed.PaymentNumber, placed.Amount, notifyId: "event-1"));

        Assert.Equal((true, "success"), (result.Accepted, result.Body));
        var payment = await kit.QueryAsync(c => c.Payments.AsNoTracking().SingleAsync(p => p.Number == placed.PaymentNumber));
        Assert.Equal((PaymentStatus.Paid, "SBX0000000000000001", kit.Now), (payment.Status, payment.GatewayTradeNo, payment.PaidAt));
        foreach (var number in placed.OrderNumbers)
        {
            var order = await kit.OrderAsync(number);
            Assert.Equal((OrderStatus.PendingShipment, kit.Now), (order.Status, order.PaidAt));
            Assert.Single(order.Events, e => e.Kind == OrderEventKind.Pay);
        }
        Assert.Equal(sales.Select(s => s + 1), await kit.SalesAsync(products));
        var logged = await kit.QueryAsync(c => c.PaymentNotifications.AsNoTracking().SingleAsync());
        Assert.Equal((NotificationOutcome.Accepted, "event-1", placed.PaymentNumber), (logged.Outcome, logged.EventKey, logged.PaymentNumber));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Paying_twice_with_the_same_notification_changes_nothing(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (placed, products, sales) = await PlaceTwoShopOrderAsync(kit);
        var notice = kit.PaidNotice(placed.PaymentNumber, placed.Amount);
        await kit.NotifyAsync(notice);
        var after = await Task.WhenAll(placed.OrderNumbers.Select(kit.OrderAsync));
        kit.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await kit.NotifyAsync(notice);

        Assert.Equal((true, "success"), (again.Accepted, again.Body));
        var orders = await Task.WhenAll(placed.OrderNumbers.Select(kit.OrderAsync));
        Assert.Equal(after.Select(o => (o.Status, o.Version, o.Events.Count)), orders.Select(o => (o.Status, o.Version, o.Events.Count)));
        Assert.Equal(sales.Select(s => s + 1), await kit.SalesAsync(products));
        Assert.Equal([NotificationOutcome.Accepted, NotificationOutcome.Duplicate],
            await kit.QueryAsync(c => c.PaymentNotifications.OrderBy(n => n.Id).Select(n => n.Outcome).ToListAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_same_notification_arriving_five_times_at_once_is_processed_once(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider, sqliteFile: true);
        var (placed, products, sales) = await PlaceTwoShopOrderAsync(kit);
        var notice = kit.PaidNotice(placed.PaymentNumber, placed.Amount);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => kit.NotifyAsync(notice))));

        Assert.All(results, r => Assert.Equal((true, "success"), (r.Accepted, r.Body)));
        Assert.All(await Task.WhenAll(placed.OrderNumbers.Select(kit.OrderAsync)), o => Assert.Single(o.Events, e => e.Kind == OrderEventKind.Pay));
        Assert.Equal(sales.Select(s => s + 1), await kit.SalesAsync(products));
        Assert.Equal(1, await kit.QueryAsync(c => c.PaymentNotifications.CountAsync(n => n.Outcome == NotificationOutcome.Accepted)));
        Assert.Equal(0, await kit.QueryAsync(c => c.PaymentNotifications.CountAsync(n => n.Outcome == NotificationOutcome.Rejected)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task After_one_order_of_a_checkout_is_cancelled_the_other_is_paid_alone_for_its_own_total(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (placed, _, _) = await PlaceTwoShopOrderAsync(kit);
        var buyer = await kit.ConsumerAsync();
        var orders = await Task.WhenAll(placed.OrderNumbers.Select(kit.OrderAsync));
        await kit.Get<OrderService>().CancelUnpaidAsync(buyer, orders[0].Number);

        var tradeNo = await kit.PayAtCashierAsync(buyer, orders[1].Number);

        var paid = await kit.OrderAsync(orders[1].Number);
        Assert.NotEqual(placed.PaymentNumber, paid.Payment.Number);
        Assert.Equal((OrderStatus.PendingShipment, PaymentStatus.Paid, orders[1].Total), (paid.Status, paid.Payment.Status, paid.Payment.Amount));
        Assert.Equal(orders[1].Total, await kit.QueryAsync(c => c.SandboxTrades.Where(t => t.TradeNo == tradeNo).Select(t => t.Amount).SingleAsync()));
        Assert.Equal(PaymentStatus.Closed, await kit.QueryAsync(c => c.Payments.Where(p => p.Number == placed.PaymentNumber).Select(p => p.Status).SingleAsync()));
        Assert.Equal(OrderStatus.Cancelled, (await kit.OrderAsync(orders[0].Number)).Status);
    }

    [Theory, MemberData(nameof(ProvidersAndForgeries))]
    public async Task A_forged_notification_is_refused_logged_and_changes_nothing(DatabaseProvider provider, string forgery)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (placed, products, sales) = await PlaceTwoShopOrderAsync(kit);
        var notice = forgery switch
        {
            "signature" => kit.PaidNotice(placed.PaymentNumber, placed.Amount, key: "not-the-shared-key"),
            "amount" => kit.PaidNotice(placed.PaymentNumber, Money.FromFen(1)),
            _ => kit.PaidNotice("P20261126100000999999", placed.Amount),
        };

        var result = await kit.NotifyAsync(notice);

        Assert.Equal((false, "fail"), (result.Accepted, result.Body));
        var logged = await kit.QueryAsync(c => c.PaymentNotifications.AsNoTracking().SingleAsync());
        Assert.Equal((NotificationOutcome.Rejected, null), (logged.Outcome, logged.EventKey));
        Assert.StartsWith(forgery switch { "signature" => "signature", "amount" => "amount 1 != ", _ => "unknown payment" }, logged.Reason);
        Assert.Equal(PaymentStatus.Pending, await kit.QueryAsync(c => c.Payments.Where(p => p.Number == placed.PaymentNumber).Select(p => p.Status).SingleAsync()));
        Assert.All(await Task.WhenAll(placed.OrderNumbers.Select(kit.OrderAsync)), o => Assert.Equal((OrderStatus.PendingPayment, 1), (o.Status, o.Events.Count)));
        Assert.Equal(sales, await kit.SalesAsync(products));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Paying_at_the_sandbox_cashier_delivers_a_signed_callback_that_pays_the_order(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);

        var tradeNo = await kit.PayAtCashierAsync(buyer, number);

        Assert.Equal(1, kit.Notify.Calls);
        var callback = await kit.QueryAsync(c => c.SandboxCallbacks.AsNoTracking().SingleAsync());
        Assert.Equal(($"{OrderTestKit.SiteUrl}/payments/notify/sandbox", 1, kit.Now, null), (callback.NotifyUrl, callback.Attempts, callback.DeliveredAt, callback.NextAttemptAt));
        var trade = await kit.QueryAsync(c => c.SandboxTrades.AsNoTracking().SingleAsync());
        Assert.Equal((tradeNo, SandboxTradeStatus.Paid), (trade.TradeNo, trade.Status));
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, PaymentStatus.Paid, tradeNo), (order.Status, order.Payment.Status, order.Payment.GatewayTradeNo));
        Assert.Equal(order.Payment.Number, trade.OutTradeNo);
        Assert.Equal(order.Total, trade.Amount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_callback_the_site_did_not_acknowledge_is_retried_fifteen_seconds_later(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);
        kit.Notify.FailFirst = 1;
        var sandbox = kit.Get<SandboxProvider>();

        await kit.PayAtCashierAsync(buyer, number);

        var failed = await kit.QueryAsync(c => c.SandboxCallbacks.AsNoTracking().SingleAsync());
        Assert.Equal((1, null, kit.Now.AddSeconds(15)), (failed.Attempts, failed.DeliveredAt, failed.NextAttemptAt));
        Assert.StartsWith("HTTP 503", failed.LastError);
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(number)).Status);
        kit.Clock.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal(0, await sandbox.DeliverDueAsync(kit.Now));
        Assert.Equal(1, kit.Notify.Calls);

        kit.Clock.Advance(TimeSpan.FromSeconds(1));
        var delivered = await sandbox.DeliverDueAsync(kit.Now);

        Assert.Equal((1, 2), (delivered, kit.Notify.Calls));
        var callback = await kit.QueryAsync(c => c.SandboxCallbacks.AsNoTracking().SingleAsync());
        Assert.Equal((2, kit.Now, null, null), (callback.Attempts, callback.DeliveredAt, callback.NextAttemptAt, callback.LastError));
        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(number)).Status);
        Assert.Equal(0, await sandbox.DeliverDueAsync(kit.Now.AddHours(3)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_long_signed_notification_still_pays_and_is_logged_within_the_payload_limit(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (placed, _, _) = await PlaceTwoShopOrderAsync(kit);
        // Providers echo the order description back; it may be long.
        var notice = kit.PaidNotice(placed.PaymentNumber, placed.Amount, extra: new Dictionary<string, string> { ["body"] = new string('货', 4100) });

        var result = await kit.NotifyAsync(notice);

        Assert.True(result.Accepted);
        Assert.Equal(PaymentStatus.Paid, await kit.QueryAsync(c => c.Payments.Where(p => p.Number == placed.PaymentNumber).Select(p => p.Status).SingleAsync()));
        var logged = await kit.QueryAsync(c => c.PaymentNotifications.AsNoTracking().SingleAsync());
        Assert.Equal(NotificationOutcome.Accepted, logged.Outcome);
        Assert.InRange(logged.Payload.Length, 1, 4000);
    }

    private static async Task<(CheckoutResult Placed, int[] Products, List<int> Sales)> PlaceTwoShopOrderAsync(OrderTestKit kit)
    {
        var (buyer, address) = await kit.BuyerAsync();
        var (a, b) = (await kit.SkuAsync(OrderTestKit.ShopA, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 10));
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(a.SkuId, 1), new CheckoutLine(b.SkuId, 1)]);
        int[] products = [a.ProductId, b.ProductId];
        return (placed, products, await kit.SalesAsync(products));
    }
}
