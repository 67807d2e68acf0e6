using System.Security.Cryptography;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Bills;
using MallPortal.Core.Orders.Payments.UnionPay;
using MallPortal.Core.Orders.Payments.UnionPay.Simulator;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>The UnionPay adapter against the local UnionPay simulator: front transaction, back notification, query, refund.</summary>
public class UnionPayGatewayTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Paying_by_card_at_the_cashier_sends_a_signed_back_notification_that_marks_the_order_paid(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, placed, number) = await kit.PlacedWithAsync(UnionPayGateway.GatewayName);

        var (start, trade) = await OpenCashierAsync(kit, buyer, number);
        var (frontUrl, front) = await kit.Get<UnionPaySimulator>().PayAsync(trade.OrderId, UnionPaySimulator.TestCard);

        var form = Assert.IsType<FormStart>(start.Start);
        Assert.Equal(UnionPayModule.SimulatorFrontPath, form.Action);
        var fields = form.Fields.ToDictionary();
        Assert.Equal(("5.1.0", "01", "01", "07", UnionPayProtocol.Fen(placed.Amount), "156", UnionPaySimulatorKeys.Shared.MerchantCertId),
            (fields["version"], fields["signMethod"], fields["txnType"], fields["channelType"], fields["txnAmt"], fields["currencyCode"], fields["certId"]));
        Assert.Equal(($"{OrderTestKit.SiteUrl}/payments/notify/unionpay", $"{OrderTestKit.SiteUrl}/payments/return/unionpay"), (fields["backUrl"], frontUrl));
        Assert.Equal((placed.PaymentNumber, placed.PaymentNumber[1..15]), (fields["orderId"], fields["txnTime"]));
        Assert.Equal(("00", placed.PaymentNumber), (front["respCode"], front["orderId"]));
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, PaymentStatus.Paid, trade.QueryId), (order.Status, order.Payment.Status, order.Payment.GatewayTradeNo));
        var notification = Assert.Single(kit.Get<UnionPaySimulator>().Outbox);
        Assert.True(notification.Delivered);
        Assert.Equal($"01-{trade.QueryId}-00", await kit.QueryAsync(c => c.PaymentNotifications.Select(n => n.EventKey).SingleAsync()));
    }

    [Fact]
    public async Task A_phone_pays_on_the_mobile_channel_and_a_declined_card_pays_nothing()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await kit.PlacedWithAsync(UnionPayGateway.GatewayName);

        var (start, trade) = await OpenCashierAsync(kit, buyer, number, PaymentDevice.Phone);
        var declined = await Assert.ThrowsAsync<InvalidOperationException>(() => kit.Get<UnionPaySimulator>().PayAsync(trade.OrderId, "6216261000000000002"));

        Assert.Equal("08", Assert.IsType<FormStart>(start.Start).Fields.ToDictionary()["channelType"]);
        Assert.StartsWith("30：", declined.Message);
        Assert.Empty(kit.Get<UnionPaySimulator>().Outbox);
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(number)).Status);
    }

    [Fact]
    public async Task A_notification_sent_twice_is_acknowledged_twice_and_pays_once()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await kit.PlacedWithAsync(UnionPayGateway.GatewayName);
        var (_, trade) = await OpenCashierAsync(kit, buyer, number);
        kit.Get<UnionPaySimulator>().Behaviour.Duplicate = true;

        await kit.Get<UnionPaySimulator>().PayAsync(trade.OrderId, UnionPaySimulator.TestCard);

        Assert.All(kit.Get<UnionPaySimulator>().Outbox, n => Assert.True(n.Delivered));
        Assert.Single((await kit.OrderAsync(number)).Events, e => e.Kind == OrderEventKind.Pay);
        Assert.Equal([NotificationOutcome.Accepted, NotificationOutcome.Duplicate],
            await kit.QueryAsync(c => c.PaymentNotifications.OrderBy(n => n.Id).Select(n => n.Outcome).ToListAsync()));
    }

    [Fact]
    public async Task A_lost_notification_is_made_good_by_the_query_with_the_orders_txn_time()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await kit.PlacedWithAsync(UnionPayGateway.GatewayName);
        var (_, trade) = await OpenCashierAsync(kit, buyer, number);
        kit.Get<UnionPaySimulator>().Behaviour.Drop = true;
        Assert.Equal(GatewayTradeState.WaitingForPayment, (await kit.Get<PaymentGateways>().Get("unionpay").QueryAsync(placed.PaymentNumber, default)).State);
        await kit.Get<UnionPaySimulator>().PayAsync(trade.OrderId, UnionPaySimulator.TestCard);

        var view = await kit.Get<PaymentService>().RefreshAsync(buyer, placed.PaymentNumber);

        Assert.Equal(PaymentStatus.Paid, view!.Status);
        Assert.Equal(trade.QueryId, (await kit.OrderAsync(number)).Payment.GatewayTradeNo);
    }

    [Fact]
    public async Task A_refund_is_taken_then_finished_by_UnionPays_refund_notification_and_is_never_made_twice()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number, trade) = await PaidAsync(kit);
        var refundNumber = await kit.CancelledAndRefundedAsync(buyer, number);

        var refund = await kit.RefundAsync(refundNumber);
        Assert.Equal((RefundStatus.Refunded, RefundGatewayState.Processing), (refund.Status, refund.GatewayState));
        Assert.Equal(placed.Amount, trade.Refunds[refundNumber].Amount);
        Assert.Equal(0, await kit.Get<UnionPaySimulator>().DeliverDueAsync());
        kit.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await kit.Get<UnionPaySimulator>().DeliverDueAsync());
        refund = await kit.RefundAsync(refundNumber);
        Assert.Equal((RefundGatewayState.Succeeded, trade.Refunds[refundNumber].QueryId), (refund.GatewayState, refund.GatewayRefundNo));
        // The same refund number again: UnionPay answers 12 (duplicate), the adapter asks how the first one ended.
        var gateway = kit.Get<PaymentGateways>().Get("unionpay");
        var again = await gateway.RefundAsync(new GatewayRefundRequest(placed.PaymentNumber, refundNumber, placed.Amount, placed.Amount, "重试", trade.QueryId), default);
        Assert.Equal(GatewayRefundState.Succeeded, again.State);
        Assert.Single(trade.Refunds);
        var tooMuch = await gateway.RefundAsync(new GatewayRefundRequest(placed.PaymentNumber, "R20261205120000000001", new Money(1), placed.Amount, "超额", trade.QueryId), default);
        Assert.Equal((GatewayRefundState.Failed, "33 交易金额超限"), (tooMuch.State, tooMuch.Error));
    }

    [Theory]
    [InlineData(false, RefundGatewayState.Succeeded)]
    [InlineData(true, RefundGatewayState.Failed)]
    public async Task A_refund_whose_notification_never_comes_is_settled_by_the_query(bool refundsFail, RefundGatewayState ends)
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number, _) = await PaidAsync(kit);
        var simulator = kit.Get<UnionPaySimulator>();
        (simulator.Behaviour.Drop, simulator.RefundsFail) = (true, refundsFail);
        var refundNumber = await kit.CancelledAndRefundedAsync(buyer, number);
        var queries = kit.Get<GatewayQueries>();
        Assert.Equal(0, await queries.QueryProcessingRefundsAsync());
        kit.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await queries.QueryProcessingRefundsAsync());

        Assert.Equal(ends, (await kit.RefundAsync(refundNumber)).GatewayState);
    }

    [Fact]
    public async Task The_days_reconciliation_file_has_the_payment_and_the_finished_refund_and_agrees_with_the_books()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number, _) = await PaidAsync(kit);
        var refundNumber = await kit.CancelledAndRefundedAsync(buyer, number);
        kit.Clock.Advance(TimeSpan.FromSeconds(10));
        await kit.Get<UnionPaySimulator>().DeliverDueAsync();
        var day = BillDay.Of(kit.Clock.GetUtcNow());

        var bill = await Assert.IsAssignableFrom<IBillSource>(kit.Get<PaymentGateways>().Get("unionpay")).DownloadBillAsync(day, default);
        var import = await kit.Get<BillReconciliation>().ImportAsync(await kit.AdminAsync(), UnionPayGateway.GatewayName, day);

        Assert.Equal([(BillLineKind.Payment, placed.PaymentNumber, (string?)null, placed.Amount), (BillLineKind.Refund, placed.PaymentNumber, refundNumber, placed.Amount)],
            bill.Lines.Select(l => (l.Kind, l.PaymentNumber, l.RefundNumber, l.Amount)));
        Assert.Equal($"{UnionPayModule.SimulatorMerId}_{day:yyyyMMdd}.zip", bill.FileName);
        Assert.Empty((await kit.Get<BillReconciliation>().DifferencesAsync(await kit.AdminAsync(), openOnly: false, 0, 20)).Items);
        Assert.Equal(2, import.Lines);
    }

    [Fact]
    public async Task Cancelling_an_unpaid_order_asks_UnionPay_first_and_a_paid_one_is_not_cancelled()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await kit.PlacedWithAsync(UnionPayGateway.GatewayName);
        await OpenCashierAsync(kit, buyer, number);
        await kit.Get<OrderService>().CancelUnpaidAsync(buyer, number);
        Assert.Equal(OrderStatus.Cancelled, (await kit.OrderAsync(number)).Status);

        var (other, _, paidNumber) = await kit.PlacedWithAsync(UnionPayGateway.GatewayName);
        var (_, trade) = await OpenCashierAsync(kit, other, paidNumber);
        kit.Get<UnionPaySimulator>().Behaviour.Drop = true;
        await kit.Get<UnionPaySimulator>().PayAsync(trade.OrderId, UnionPaySimulator.TestCard);
        await Assert.ThrowsAnyAsync<DomainException>(() => kit.Get<OrderService>().CancelUnpaidAsync(other, paidNumber));

        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(paidNumber)).Status);
    }

    [Fact]
    public async Task A_request_signed_with_another_key_gets_UnionPays_11_and_an_answer_from_outside_its_roots_is_not_believed()
    {
        using var stranger = RSA.Create(2048);
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await kit.PlacedWithAsync(UnionPayGateway.GatewayName);
        await OpenCashierAsync(kit, buyer, number);
        var shared = UnionPaySimulatorKeys.Shared;

        var start = await GatewayWith(kit, new UnionPayKeys(stranger, shared.MerchantCertId, shared.Root, shared.Middle)).StartAsync(
            new GatewayPaymentRequest(placed.PaymentNumber, placed.Amount, "枕头", "https://mall.test/payments/notify/unionpay", "https://mall.test/r", kit.Now.AddMinutes(30)), default);
        var (opened, error) = kit.Get<UnionPaySimulator>().OpenCashier(Assert.IsType<FormStart>(start).Fields.ToDictionary());
        var otherRoots = new UnionPayKeys(shared.MerchantKey, shared.MerchantCertId, shared.Middle, shared.Middle);
        var query = await Assert.ThrowsAsync<PaymentGatewayException>(() => GatewayWith(kit, otherRoots).QueryAsync(placed.PaymentNumber, default));

        Assert.Null(opened);
        Assert.Equal("11：验证签名失败", error);
        Assert.Contains("not trusted (certificate)", query.Message);
    }

    private static UnionPayGateway GatewayWith(OrderTestKit kit, UnionPayKeys keys)
    {
        var options = kit.Get<IOptions<UnionPayOptions>>();
        return new UnionPayGateway(new UnionPayClient(kit.Get<IHttpClientFactory>(), keys, options, kit.Clock), options, kit.Get<BusinessTimeZone>(), kit.Clock);
    }

    private static async Task<(Actor Buyer, CheckoutResult Placed, string Number, SimulatedUnionPayTrade Trade)> PaidAsync(OrderTestKit kit)
    {
        var (buyer, placed, number) = await kit.PlacedWithAsync(UnionPayGateway.GatewayName);
        var (_, trade) = await OpenCashierAsync(kit, buyer, number);
        await kit.Get<UnionPaySimulator>().PayAsync(trade.OrderId, UnionPaySimulator.TestCard);
        return (buyer, placed, number, trade);
    }

    [Fact]
    public async Task A_buyer_back_from_the_cashier_without_paying_is_told_it_is_not_paid()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await kit.PlacedWithAsync(UnionPayGateway.GatewayName);
        await OpenCashierAsync(kit, buyer, number);
        var payments = kit.Get<PaymentService>();

        // 取消，返回商户: the result page asks the gateway on arrival.
        var view = await payments.RefreshAsync(buyer, placed.PaymentNumber);

        Assert.Equal((PaymentStatus.Pending, true), (view!.Status, view.NotPaid));
        Assert.False((await payments.GetAsync(buyer, placed.PaymentNumber))!.NotPaid);
    }

    /// <summary>The pay page's start, and its signed form posted to the simulated front gateway as the browser would.</summary>
    private static async Task<(PaymentStart Start, SimulatedUnionPayTrade Trade)> OpenCashierAsync(OrderTestKit kit, Actor buyer, string number,
        PaymentDevice device = PaymentDevice.Computer)
    {
        var start = await kit.Get<PaymentService>().StartAsync(buyer, number, OrderTestKit.SiteUrl, device);
        var (trade, error) = kit.Get<UnionPaySimulator>().OpenCashier(Assert.IsType<FormStart>(start.Start).Fields.ToDictionary());
        Assert.True(trade is not null, error);
        return (start, trade);
    }
}
