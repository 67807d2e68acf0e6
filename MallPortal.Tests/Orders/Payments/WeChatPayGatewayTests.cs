using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>The WeChat Pay adapter against the local WeChat Pay simulator: Native QR, notifications, query, close, refunds that take time.</summary>
public class WeChatPayGatewayTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task The_buyer_scans_the_code_and_the_sealed_notification_marks_the_order_paid(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, placed, number) = await PlacedAsync(kit);

        var qr = await QrAsync(kit, buyer, number);
        await kit.Get<WeChatPaySimulator>().PayAsync(qr.Payload);

        Assert.StartsWith("weixin://wxpay/bizpayurl?pr=", qr.Payload);
        Assert.Equal(WeChatPayModule.SimulatorScanPath + Uri.EscapeDataString(qr.Payload), qr.SimulatorUrl);
        var trade = kit.Get<WeChatPaySimulator>().Find(placed.PaymentNumber)!;
        Assert.Equal((placed.Amount, $"{OrderTestKit.SiteUrl}/payments/notify/wechatpay"), (trade.Amount, trade.NotifyUrl));
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, trade.TransactionId), (order.Status, order.Payment.GatewayTradeNo));
        var logged = await kit.QueryAsync(c => c.PaymentNotifications.AsNoTracking().SingleAsync());
        Assert.Equal((NotificationOutcome.Accepted, "wechatpay"), (logged.Outcome, logged.Gateway));
        Assert.True(Assert.Single(kit.Get<WeChatPaySimulator>().Outbox).Delivered);
    }

    [Fact]
    public async Task A_lost_notification_is_made_good_by_the_query_and_a_failed_answer_is_retried_on_WeChats_schedule()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PlacedAsync(kit);
        var simulator = kit.Get<WeChatPaySimulator>();
        kit.Notify.FailFirst = kit.Notify.Calls + 1;

        await simulator.PayAsync((await QrAsync(kit, buyer, number)).Payload);

        var notification = Assert.Single(simulator.Outbox);
        Assert.Equal((1, false, kit.Clock.GetUtcNow() + TimeSpan.FromSeconds(15)), (notification.Attempts, notification.Delivered, notification.NextAttemptAt));
        Assert.Equal(PaymentStatus.Paid, (await kit.Get<PaymentService>().RefreshAsync(buyer, placed.PaymentNumber))!.Status);
        kit.Clock.Advance(TimeSpan.FromSeconds(15));
        // The retry is signed afresh (a 15-second-old timestamp would still do; a 6-minute-old one would not) and acknowledged.
        Assert.Equal(1, await simulator.DeliverDueAsync());
        Assert.Single((await kit.OrderAsync(number)).Events, e => e.Kind == OrderEventKind.Pay);
    }

    [Fact]
    public async Task A_refund_is_processing_until_WeChat_Pay_says_it_succeeded()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PaidAsync(kit);
        var refundNumber = await kit.CancelledAndRefundedAsync(buyer, number);

        var refund = await kit.RefundAsync(refundNumber);
        Assert.Equal((RefundStatus.Refunded, RefundGatewayState.Processing), (refund.Status, refund.GatewayState));
        Assert.Equal(OrderStatus.Cancelled, (await kit.OrderAsync(number)).Status);
        Assert.Equal(0, await kit.Get<WeChatPaySimulator>().DeliverDueAsync()); // not yet
        kit.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await kit.Get<WeChatPaySimulator>().DeliverDueAsync());

        refund = await kit.RefundAsync(refundNumber);
        Assert.Equal((RefundGatewayState.Succeeded, kit.Now), (refund.GatewayState, refund.GatewaySettledAt));
        Assert.StartsWith("5030", refund.GatewayRefundNo);
        var logged = await kit.QueryAsync(c => c.PaymentNotifications.OrderBy(n => n.Id).Select(n => n.Outcome).ToListAsync());
        Assert.Equal([NotificationOutcome.Accepted, NotificationOutcome.Accepted], logged);
        // Asked again with the same refund number, WeChat Pay returns the same refund.
        var again = await kit.Get<PaymentGateways>().Get("wechatpay").RefundAsync(
            new GatewayRefundRequest(placed.PaymentNumber, refundNumber, placed.Amount, placed.Amount, "重试"), default);
        Assert.Equal((GatewayRefundState.Succeeded, refund.GatewayRefundNo), (again.State, again.GatewayRefundNo));
    }

    [Theory]
    [InlineData(false, RefundGatewayState.Succeeded)]
    [InlineData(true, RefundGatewayState.Failed)]
    public async Task A_refund_whose_notification_never_comes_is_settled_by_the_query(bool refundsFail, RefundGatewayState ends)
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await PaidAsync(kit);
        var simulator = kit.Get<WeChatPaySimulator>();
        (simulator.Behaviour.Drop, simulator.RefundsFail) = (true, refundsFail);
        var refundNumber = await kit.CancelledAndRefundedAsync(buyer, number);
        var payments = kit.Get<GatewayQueries>();
        Assert.Equal(0, await payments.QueryProcessingRefundsAsync());
        kit.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await payments.QueryProcessingRefundsAsync());

        Assert.Equal(ends, (await kit.RefundAsync(refundNumber)).GatewayState);
        Assert.Equal(0, await payments.QueryProcessingRefundsAsync());
    }

    [Fact]
    public async Task Cancelling_an_unpaid_order_closes_its_trade_so_the_code_can_no_longer_be_paid()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PlacedAsync(kit);
        var qr = await QrAsync(kit, buyer, number);

        await kit.Get<OrderService>().CancelUnpaidAsync(buyer, number);

        Assert.Equal("CLOSED", kit.Get<WeChatPaySimulator>().Find(placed.PaymentNumber)!.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.Get<WeChatPaySimulator>().PayAsync(qr.Payload));
    }

    [Fact]
    public async Task A_request_signed_with_another_key_gets_WeChat_Pays_401_and_nothing_is_believed()
    {
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var shared = WeChatPaySimulatorKeys.Shared;
        var keys = new WeChatPayKeys(stranger, shared.MerchantSerialNo, new Dictionary<string, System.Security.Cryptography.RSA>
        {
            [WeChatPaySimulatorKeys.PlatformKeyId] = shared.PlatformPublicKey,
        }, shared.ApiV3Key);
        var options = kit.Get<IOptions<WeChatPayOptions>>();
        var gateway = new WeChatPayGateway(new WeChatPayClient(kit.Get<IHttpClientFactory>(), keys, options, kit.Clock), keys, options, kit.Clock);

        var refused = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.StartAsync(
            new GatewayPaymentRequest("P1", new Money(100), "枕头", "https://mall.test/n", "https://mall.test/r", kit.Now.AddMinutes(30)), default));

        Assert.Contains("SIGN_ERROR", refused.Message);
    }

    private static Task<(Actor Buyer, CheckoutResult Placed, string Number)> PlacedAsync(OrderTestKit kit) =>
        kit.PlacedWithAsync(WeChatPayGateway.GatewayName);

    private static async Task<(Actor Buyer, CheckoutResult Placed, string Number)> PaidAsync(OrderTestKit kit)
    {
        var placed = await PlacedAsync(kit);
        await kit.Get<WeChatPaySimulator>().PayAsync((await QrAsync(kit, placed.Buyer, placed.Number)).Payload);
        return placed;
    }

    private static async Task<QrCodeStart> QrAsync(OrderTestKit kit, Actor buyer, string number) =>
        Assert.IsType<QrCodeStart>((await kit.Get<PaymentService>().StartAsync(buyer, number, OrderTestKit.SiteUrl)).Start);
}
