using System.Text.Json;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Alipay.Simulator;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>The Alipay adapter against the local Alipay simulator: page and wap pay, notifications, query, refund, close.</summary>
public class AlipayGatewayTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Paying_at_the_cashier_sends_a_signed_notification_that_marks_the_order_paid(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, placed, number) = await PlacedAsync(kit);

        var (start, trade) = await OpenCashierAsync(kit, buyer, number);
        var back = await kit.Get<AlipaySimulator>().PayAsync(trade.TradeNo);

        var form = Assert.IsType<FormStart>(start.Start);
        Assert.Equal(AlipayModule.SimulatorCashierPath + "?charset=utf-8", form.Action);
        var fields = form.Fields.ToDictionary();
        Assert.Equal((AlipayProtocol.PagePay, "RSA2", $"{OrderTestKit.SiteUrl}/payments/notify/alipay"), (fields["method"], fields["sign_type"], fields["notify_url"]));
        using var business = JsonDocument.Parse(fields["biz_content"]);
        Assert.Equal((placed.PaymentNumber, AlipayProtocol.Yuan(placed.Amount), "FAST_INSTANT_TRADE_PAY"),
            (business.RootElement.GetProperty("out_trade_no").GetString(), business.RootElement.GetProperty("total_amount").GetString(),
             business.RootElement.GetProperty("product_code").GetString()));
        Assert.StartsWith($"{OrderTestKit.SiteUrl}/pay/result/{placed.PaymentNumber}?", back);
        Assert.Contains("&sign=", back);
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, PaymentStatus.Paid, trade.TradeNo), (order.Status, order.Payment.Status, order.Payment.GatewayTradeNo));
        var logged = await kit.QueryAsync(c => c.PaymentNotifications.AsNoTracking().SingleAsync());
        Assert.Equal((NotificationOutcome.Accepted, "alipay", Assert.Single(kit.Get<AlipaySimulator>().Outbox).Fields["notify_id"]),
            (logged.Outcome, logged.Gateway, logged.EventKey));
        Assert.True(Assert.Single(kit.Get<AlipaySimulator>().Outbox).Delivered);
    }

    [Fact]
    public async Task A_phone_pays_through_wap_pay_and_may_quit_back_to_the_shop()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await PlacedAsync(kit);

        var (start, trade) = await OpenCashierAsync(kit, buyer, number, PaymentDevice.Phone);

        var fields = Assert.IsType<FormStart>(start.Start).Fields.ToDictionary();
        Assert.Equal(AlipayProtocol.WapPay, fields["method"]);
        using var business = JsonDocument.Parse(fields["biz_content"]);
        Assert.Equal("QUICK_WAP_WAY", business.RootElement.GetProperty("product_code").GetString());
        Assert.Equal(fields["return_url"], trade.QuitUrl);
    }

    [Fact]
    public async Task A_notification_sent_twice_is_acknowledged_twice_and_pays_once()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await PlacedAsync(kit);
        var (_, trade) = await OpenCashierAsync(kit, buyer, number);
        kit.Get<AlipaySimulator>().Behaviour.Duplicate = true;

        await kit.Get<AlipaySimulator>().PayAsync(trade.TradeNo);

        Assert.All(kit.Get<AlipaySimulator>().Outbox, n => Assert.True(n.Delivered));
        Assert.Single((await kit.OrderAsync(number)).Events, e => e.Kind == OrderEventKind.Pay);
        Assert.Equal([NotificationOutcome.Accepted, NotificationOutcome.Duplicate],
            await kit.QueryAsync(c => c.PaymentNotifications.OrderBy(n => n.Id).Select(n => n.Outcome).ToListAsync()));
    }

    [Fact]
    public async Task A_lost_notification_is_made_good_by_asking_Alipay_when_the_buyer_comes_back()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PlacedAsync(kit);
        var (_, trade) = await OpenCashierAsync(kit, buyer, number);
        kit.Get<AlipaySimulator>().Behaviour.Drop = true;
        await kit.Get<AlipaySimulator>().PayAsync(trade.TradeNo);
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(number)).Status);

        var view = await kit.Get<PaymentService>().RefreshAsync(buyer, placed.PaymentNumber);

        Assert.Equal(PaymentStatus.Paid, view!.Status);
        Assert.Equal(trade.TradeNo, (await kit.OrderAsync(number)).Payment.GatewayTradeNo);
        Assert.Equal("query:" + placed.PaymentNumber, await kit.QueryAsync(c => c.PaymentNotifications.Select(n => n.EventKey).SingleAsync()));
    }

    [Fact]
    public async Task An_unanswered_notification_comes_again_on_Alipays_schedule()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await PlacedAsync(kit);
        var (_, trade) = await OpenCashierAsync(kit, buyer, number);
        kit.Notify.FailFirst = kit.Notify.Calls + 2;
        var simulator = kit.Get<AlipaySimulator>();

        await simulator.PayAsync(trade.TradeNo);
        var notification = Assert.Single(simulator.Outbox);
        Assert.Equal((1, kit.Clock.GetUtcNow() + TimeSpan.FromMinutes(4)), (notification.Attempts, notification.NextAttemptAt));
        kit.Clock.Advance(TimeSpan.FromMinutes(4) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await simulator.DeliverDueAsync());
        kit.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await simulator.DeliverDueAsync());
        Assert.Equal(kit.Clock.GetUtcNow() + TimeSpan.FromMinutes(10), notification.NextAttemptAt);
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(number)).Status);
        kit.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(1, await simulator.DeliverDueAsync());

        Assert.Equal((3, true, (DateTimeOffset?)null), (notification.Attempts, notification.Delivered, notification.NextAttemptAt));
        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(number)).Status);
    }

    [Fact]
    public async Task An_approved_cancellation_refunds_at_Alipay_once_and_its_refund_notification_changes_nothing()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PlacedAsync(kit);
        var (_, trade) = await OpenCashierAsync(kit, buyer, number);
        await kit.Get<AlipaySimulator>().PayAsync(trade.TradeNo);
        var refunds = kit.Get<RefundService>();
        var refundNumber = await refunds.RequestCancellationAsync(buyer, number, "拍错了规格");

        await refunds.DecideAsync(await kit.MerchantAsync(), refundNumber, true, null);
        Assert.Equal(1, await kit.Get<AlipaySimulator>().DeliverDueAsync()); // the refund's notification

        Assert.Equal((placed.Amount, SimulatedAlipayStatus.TradeClosed), (trade.Refunds[refundNumber], trade.Status));
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.Cancelled, placed.Amount), (order.Status, order.Payment.Refunded));
        Assert.All(kit.Get<AlipaySimulator>().Outbox, n => Assert.True(n.Delivered));
        Assert.Equal(2, await kit.QueryAsync(c => c.PaymentNotifications.CountAsync(n => n.Outcome == NotificationOutcome.Accepted)));
        Assert.Single(order.Events, e => e.Kind == OrderEventKind.Pay);
        // Asked again with the same refund number, Alipay answers success without moving money (fund_change N).
        var again = await kit.Get<PaymentGateways>().Get("alipay").RefundAsync(
            new GatewayRefundRequest(placed.PaymentNumber, refundNumber, placed.Amount, placed.Amount, "重试"), CancellationToken.None);
        Assert.True(again.Succeeded);
        Assert.Single(trade.Refunds);
        var tooMuch = await kit.Get<PaymentGateways>().Get("alipay").RefundAsync(
            new GatewayRefundRequest(placed.PaymentNumber, "R-other", new Money(1), placed.Amount, "超额"), CancellationToken.None);
        Assert.False(tooMuch.Succeeded);
    }

    [Fact]
    public async Task Cancelling_an_unpaid_order_closes_its_trade_so_the_cashier_can_no_longer_take_money()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await PlacedAsync(kit);
        var (_, trade) = await OpenCashierAsync(kit, buyer, number);

        await kit.Get<OrderService>().CancelUnpaidAsync(buyer, number);

        Assert.Equal(SimulatedAlipayStatus.TradeClosed, trade.Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.Get<AlipaySimulator>().PayAsync(trade.TradeNo));
        Assert.Equal(OrderStatus.Cancelled, (await kit.OrderAsync(number)).Status);
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_key_gets_Alipays_error_and_settles_nothing()
    {
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PlacedAsync(kit);
        var (_, trade) = await OpenCashierAsync(kit, buyer, number);
        kit.Get<AlipaySimulator>().Behaviour.Drop = true;
        await kit.Get<AlipaySimulator>().PayAsync(trade.TradeNo);
        var misconfigured = GatewayWith(kit, new AlipayKeys(stranger, AlipaySimulatorKeys.Shared.PlatformPublicKey));

        var start = await misconfigured.StartAsync(new GatewayPaymentRequest(placed.PaymentNumber, placed.Amount, "枕头", "https://mall.test/n", "https://mall.test/r",
            kit.Now.AddMinutes(30)), default);
        var (opened, error) = kit.Get<AlipaySimulator>().OpenCashier(Assert.IsType<FormStart>(start).Fields.ToDictionary());
        var query = await Assert.ThrowsAsync<PaymentGatewayException>(() => misconfigured.QueryAsync(placed.PaymentNumber, default));

        Assert.Null(opened);
        Assert.StartsWith("isv.invalid-signature", error);
        Assert.Contains("isv.invalid-signature", query.Message);
    }

    [Fact]
    public async Task An_answer_that_does_not_verify_against_Alipays_key_is_not_believed()
    {
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PlacedAsync(kit);
        var (_, trade) = await OpenCashierAsync(kit, buyer, number);
        kit.Get<AlipaySimulator>().Behaviour.Drop = true;
        await kit.Get<AlipaySimulator>().PayAsync(trade.TradeNo);

        var query = await Assert.ThrowsAsync<PaymentGatewayException>(() =>
            GatewayWith(kit, new AlipayKeys(AlipaySimulatorKeys.Shared.AppPrivateKey, stranger)).QueryAsync(placed.PaymentNumber, default));

        Assert.Contains("signature", query.Message);
        Assert.Equal(GatewayTradeState.Paid, (await kit.Get<PaymentGateways>().Get("alipay").QueryAsync(placed.PaymentNumber, default)).State);
    }

    /// <summary>The shop's adapter holding other keys than the ones the (simulated) Alipay knows.</summary>
    private static AlipayGateway GatewayWith(OrderTestKit kit, AlipayKeys keys)
    {
        var options = kit.Get<Microsoft.Extensions.Options.IOptions<AlipayOptions>>();
        return new AlipayGateway(new AlipayClient(kit.Get<IHttpClientFactory>(), keys, options, kit.Clock), keys, options);
    }

    [Fact]
    public async Task A_buyer_back_from_the_cashier_without_paying_is_told_it_is_not_paid()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await kit.PlacedWithAsync(AlipayGateway.GatewayName);
        await OpenCashierAsync(kit, buyer, number);
        var payments = kit.Get<PaymentService>();

        // 取消，返回商户: the result page asks the gateway on arrival.
        var view = await payments.RefreshAsync(buyer, placed.PaymentNumber);

        Assert.Equal((PaymentStatus.Pending, true), (view!.Status, view.NotPaid));
        Assert.False((await payments.GetAsync(buyer, placed.PaymentNumber))!.NotPaid);
    }

    internal static Task<(Actor Buyer, CheckoutResult Placed, string Number)> PlacedAsync(OrderTestKit kit) =>
        kit.PlacedWithAsync(AlipayGateway.GatewayName);

    /// <summary>The pay page's start, and its signed form posted to the simulated gateway as the browser would.</summary>
    internal static async Task<(PaymentStart Start, SimulatedAlipayTrade Trade)> OpenCashierAsync(OrderTestKit kit, Actor buyer, string number,
        PaymentDevice device = PaymentDevice.Computer)
    {
        var start = await kit.Get<PaymentService>().StartAsync(buyer, number, OrderTestKit.SiteUrl, device);
        var (trade, error) = kit.Get<AlipaySimulator>().OpenCashier(Assert.IsType<FormStart>(start.Start).Fields.ToDictionary());
        Assert.True(trade is not null, error);
        return (start, trade);
    }
}
