using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders;

/// <summary>主动查单: a payment whose notification is late or lost is settled from the gateway's own answer.</summary>
public class PaymentQueryTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_buyer_back_from_the_cashier_sees_the_payment_settled_although_its_notification_was_lost(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, sku, placed, number, tradeNo) = await PaidButNotHeardAsync(kit, quantity: 2);
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(number)).Status);
        var sales = (await kit.SalesAsync(sku.ProductId))[0];

        var view = await kit.Get<PaymentService>().RefreshAsync(buyer, placed.PaymentNumber);

        Assert.Equal(PaymentStatus.Paid, view!.Status);
        Assert.Equal(OrderStatus.PendingShipment, Assert.Single(view.Orders).Status);
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, tradeNo), (order.Status, order.Payment.GatewayTradeNo));
        var logged = await kit.QueryAsync(c => c.PaymentNotifications.AsNoTracking().SingleAsync());
        Assert.Equal(("query:" + placed.PaymentNumber, NotificationOutcome.Accepted), (logged.EventKey, logged.Outcome));
        Assert.Contains("\"source\":\"query\"", logged.Payload);
        Assert.Equal(sales + 2, (await kit.SalesAsync(sku.ProductId))[0]);

        // The retried notification arrives later: acknowledged, and nothing happens twice.
        kit.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, await kit.Get<SandboxProvider>().DeliverDueAsync(kit.Now));
        Assert.Equal(sales + 2, (await kit.SalesAsync(sku.ProductId))[0]);
        Assert.Single((await kit.OrderAsync(number)).Events, e => e.Kind == OrderEventKind.Pay);
        Assert.Equal(2, (await kit.StockAsync(sku.SkuId)).Reserved);
        await kit.AssertLedgerReconcilesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Refreshing_an_unpaid_payment_changes_nothing_and_another_buyers_payment_is_not_found(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)]);
        var number = Assert.Single(placed.OrderNumbers);
        await kit.Get<PaymentService>().StartAsync(buyer, number, OrderTestKit.SiteUrl); // the trade is open, not paid

        var view = await kit.Get<PaymentService>().RefreshAsync(buyer, placed.PaymentNumber);
        var other = await kit.Get<PaymentService>().RefreshAsync(await kit.ConsumerAsync(OrderTestKit.OtherBuyer), placed.PaymentNumber);

        Assert.Equal(PaymentStatus.Pending, view!.Status);
        Assert.Null(other);
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(number)).Status);
        Assert.False(await kit.QueryAsync(c => c.PaymentNotifications.AnyAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_query_answering_another_amount_is_refused_logged_and_changes_nothing(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, _, placed, _, _) = await PaidButNotHeardAsync(kit);
        // The provider's record says one fen less than the payment (a tampered or mismatched trade).
        await using (var context = await kit.Db.ContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync(
                "UPDATE \"SandboxTrades\" SET \"Amount\" = \"Amount\" - 1 WHERE \"OutTradeNo\" = {0}", placed.PaymentNumber);
        }

        var view = await kit.Get<PaymentService>().RefreshAsync(buyer, placed.PaymentNumber);

        Assert.Equal(PaymentStatus.Pending, view!.Status);
        var logged = await kit.QueryAsync(c => c.PaymentNotifications.AsNoTracking().SingleAsync());
        Assert.Equal(NotificationOutcome.Rejected, logged.Outcome);
        Assert.StartsWith("amount", logged.Reason);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Cancelling_an_order_just_paid_at_the_cashier_is_refused_and_the_order_is_settled_paid(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, sku, _, number, _) = await PaidButNotHeardAsync(kit);

        var refused = await Assert.ThrowsAsync<DomainException>(() => kit.Get<OrderService>().CancelUnpaidAsync(buyer, number));

        Assert.Equal("该订单刚刚已支付，无法取消", refused.Message);
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, PaymentStatus.Paid), (order.Status, order.Payment.Status));
        Assert.Equal(1, (await kit.StockAsync(sku.SkuId)).Reserved);
    }

    [Fact]
    public async Task The_clock_asks_about_a_payment_with_no_notification_when_it_turns_one_five_and_fifteen_minutes_old()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var unpaid = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)]);
        await kit.Get<PaymentService>().StartAsync(buyer, Assert.Single(unpaid.OrderNumbers), OrderTestKit.SiteUrl);
        var payments = kit.Get<GatewayQueries>();
        var tick = TimeSpan.FromMinutes(1);

        Assert.Equal(0, await payments.QueryLateAsync(tick)); // too young
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await payments.QueryLateAsync(tick)); // asked: not paid
        var (_, _, late, number, _) = await PaidButNotHeardAsync(kit);
        kit.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await payments.QueryLateAsync(tick));
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(number)).Status);
        kit.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, await payments.QueryLateAsync(tick));

        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(number)).Status);
        Assert.Equal("query:" + late.PaymentNumber, await kit.QueryAsync(c => c.PaymentNotifications.Select(n => n.EventKey).SingleAsync()));
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(Assert.Single(unpaid.OrderNumbers))).Status);
    }

    /// <summary>An order paid at the sandbox cashier whose notification did not reach the site (the first delivery fails).</summary>
    private static async Task<(Actor Buyer, TestSku Sku, CheckoutResult Placed, string Number, string TradeNo)> PaidButNotHeardAsync(
        OrderTestKit kit, int quantity = 1)
    {
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, quantity)]);
        var number = Assert.Single(placed.OrderNumbers);
        kit.Notify.FailFirst = 1;
        return (buyer, sku, placed, number, await kit.PayAtCashierAsync(buyer, number));
    }
}
