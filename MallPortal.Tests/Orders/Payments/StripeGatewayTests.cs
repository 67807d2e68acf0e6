using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Orders.Payments.Stripe.Simulator;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>The Stripe adapter through Stripe.net against the local Stripe simulator: card form, webhooks, query, refunds that are pending, close.</summary>
public class StripeGatewayTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Paying_with_the_test_card_sends_a_signed_webhook_that_marks_the_order_paid(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, placed, number) = await PlacedAsync(kit);
        var start = await StartAsync(kit, buyer, number);

        var answer = await ConfirmAsync(kit, start, StripeTestCards.Succeeds);

        Assert.Equal(200, answer.Status);
        Assert.Equal((StripeModule.SimulatorScriptPath, StripeSimulatorKeys.Shared.PublishableKey, $"{OrderTestKit.SiteUrl}/pay/result/{placed.PaymentNumber}"),
            (start.ScriptUrl, start.Parameters["publishable_key"], start.Parameters["return_url"]));
        var intent = kit.Get<StripeSimulator>().FindByPaymentNumber(placed.PaymentNumber)!;
        Assert.Equal((placed.Amount, "succeeded", "4242", "visa"), (intent.Amount, intent.Status, intent.Card!.Last4, intent.Card.Brand));
        Assert.Equal(16, intent.Card.Fingerprint.Length);
        var order = await kit.OrderAsync(number);
        Assert.Equal((OrderStatus.PendingShipment, PaymentStatus.Paid, intent.Id), (order.Status, order.Payment.Status, order.Payment.GatewayTradeNo));
        var logged = await kit.QueryAsync(c => c.PaymentNotifications.AsNoTracking().SingleAsync());
        Assert.Equal((NotificationOutcome.Accepted, "stripe"), (logged.Outcome, logged.Gateway));
        Assert.StartsWith("evt_", logged.EventKey);
        var webhook = Assert.Single(kit.Get<StripeSimulator>().Outbox);
        Assert.True(webhook.Delivered);
        Assert.Equal($"{OrderTestKit.SiteUrl}/payments/notify/stripe", webhook.Url);
    }

    [Fact]
    public async Task Coming_back_to_the_pay_page_reuses_the_PaymentIntent_it_opened()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await PlacedAsync(kit);

        var first = await StartAsync(kit, buyer, number);
        var again = await StartAsync(kit, buyer, number);

        Assert.Equal(first.Parameters["client_secret"], again.Parameters["client_secret"]);
    }

    [Fact]
    public async Task A_declined_card_leaves_the_order_unpaid_and_another_card_pays_it()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PlacedAsync(kit);
        var start = await StartAsync(kit, buyer, number);

        var declined = await ConfirmAsync(kit, start, StripeTestCards.Declined);
        var poor = await ConfirmAsync(kit, start, StripeTestCards.InsufficientFunds);
        var mistyped = await ConfirmAsync(kit, start, "4242424242424241");

        Assert.Equal((402, 402, 402), (declined.Status, poor.Status, mistyped.Status));
        Assert.Contains("\"decline_code\":\"generic_decline\"", declined.Body);
        Assert.Contains("\"decline_code\":\"insufficient_funds\"", poor.Body);
        Assert.Contains("\"code\":\"incorrect_number\"", mistyped.Body);
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(number)).Status);
        // Each decline's payment_intent.payment_failed was taken (it says "not paid") and changed nothing.
        Assert.Equal(3, await kit.QueryAsync(c => c.PaymentNotifications.CountAsync(n => n.Outcome == NotificationOutcome.Accepted)));
        Assert.Equal(GatewayTradeState.WaitingForPayment, (await Gateway(kit).QueryAsync(placed.PaymentNumber, default)).State);

        Assert.Equal(200, (await ConfirmAsync(kit, start, StripeTestCards.Succeeds)).Status);

        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(number)).Status);
    }

    [Fact]
    public async Task A_dropped_webhook_is_made_good_by_asking_Stripe_when_the_buyer_comes_back()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PlacedAsync(kit);
        kit.Get<StripeSimulator>().Behaviour.Drop = true;
        await ConfirmAsync(kit, await StartAsync(kit, buyer, number), StripeTestCards.Succeeds);
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(number)).Status);

        var view = await kit.Get<PaymentService>().RefreshAsync(buyer, placed.PaymentNumber);

        Assert.Equal(PaymentStatus.Paid, view!.Status);
        Assert.Equal(kit.Get<StripeSimulator>().FindByPaymentNumber(placed.PaymentNumber)!.Id, (await kit.OrderAsync(number)).Payment.GatewayTradeNo);
        Assert.Equal("query:" + placed.PaymentNumber, await kit.QueryAsync(c => c.PaymentNotifications.Select(n => n.EventKey).SingleAsync()));
    }

    [Fact]
    public async Task A_webhook_claiming_more_than_was_paid_is_refused_and_the_query_settles_what_was_received()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PlacedAsync(kit);
        kit.Get<StripeSimulator>().Behaviour.AmountSkewFen = 100;

        await ConfirmAsync(kit, await StartAsync(kit, buyer, number), StripeTestCards.Succeeds);

        var refused = await kit.QueryAsync(c => c.PaymentNotifications.AsNoTracking().SingleAsync());
        Assert.Equal((NotificationOutcome.Rejected, $"amount {placed.Amount.Fen + 100} != {placed.Amount.Fen}"), (refused.Outcome, refused.Reason));
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderAsync(number)).Status);
        Assert.Equal(PaymentStatus.Paid, (await kit.Get<PaymentService>().RefreshAsync(buyer, placed.PaymentNumber))!.Status);
    }

    [Fact]
    public async Task An_unanswered_webhook_comes_again_after_a_minute()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await PlacedAsync(kit);
        kit.Notify.FailFirst = kit.Notify.Calls + 1;
        var simulator = kit.Get<StripeSimulator>();

        await ConfirmAsync(kit, await StartAsync(kit, buyer, number), StripeTestCards.Succeeds);
        var webhook = Assert.Single(simulator.Outbox);
        Assert.Equal((1, false, kit.Clock.GetUtcNow() + TimeSpan.FromMinutes(1)), (webhook.Attempts, webhook.Delivered, webhook.NextAttemptAt));
        kit.Clock.Advance(TimeSpan.FromMinutes(1));

        // Signed afresh at the retry: its timestamp is within the five minutes.
        Assert.Equal(1, await simulator.DeliverDueAsync());
        Assert.Equal(OrderStatus.PendingShipment, (await kit.OrderAsync(number)).Status);
    }

    [Fact]
    public async Task A_refund_is_pending_until_refund_updated_says_it_succeeded_and_is_never_made_twice()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PaidAsync(kit);
        var refundNumber = await kit.CancelledAndRefundedAsync(buyer, number);

        var refund = await kit.RefundAsync(refundNumber);
        Assert.Equal((RefundStatus.Refunded, RefundGatewayState.Processing), (refund.Status, refund.GatewayState));
        Assert.Equal(OrderStatus.Cancelled, (await kit.OrderAsync(number)).Status);
        Assert.Equal(1, await kit.Get<StripeSimulator>().DeliverDueAsync()); // refund.created says pending: taken, nothing settles
        Assert.Equal(RefundGatewayState.Processing, (await kit.RefundAsync(refundNumber)).GatewayState);
        Assert.Equal(0, await kit.Get<StripeSimulator>().DeliverDueAsync()); // refund.updated is not due yet
        kit.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await kit.Get<StripeSimulator>().DeliverDueAsync());

        refund = await kit.RefundAsync(refundNumber);
        Assert.Equal((RefundGatewayState.Succeeded, kit.Now), (refund.GatewayState, refund.GatewaySettledAt));
        Assert.StartsWith("re_", refund.GatewayRefundNo);
        Assert.Equal(3, await kit.QueryAsync(c => c.PaymentNotifications.CountAsync(n => n.Outcome == NotificationOutcome.Accepted)));
        var again = await Gateway(kit).RefundAsync(new GatewayRefundRequest(placed.PaymentNumber, refundNumber, placed.Amount, placed.Amount, "重试"), default);
        // The same refund number is the same idempotency key: Stripe replays its first answer (pending), and no second refund is made.
        Assert.Equal((GatewayRefundState.Processing, refund.GatewayRefundNo), (again.State, again.GatewayRefundNo));
        Assert.Single(kit.Get<StripeSimulator>().FindByPaymentNumber(placed.PaymentNumber)!.Refunds);
        var tooMuch = await Gateway(kit).RefundAsync(new GatewayRefundRequest(placed.PaymentNumber, "R-other", new Money(1), placed.Amount, "超额"), default);
        Assert.Equal(GatewayRefundState.Failed, tooMuch.State);
        Assert.Contains("greater than unrefunded amount", tooMuch.Error);
    }

    [Theory]
    [InlineData(false, RefundGatewayState.Succeeded)]
    [InlineData(true, RefundGatewayState.Failed)]
    public async Task A_refund_whose_webhooks_never_come_is_settled_by_the_query(bool refundsFail, RefundGatewayState ends)
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await PaidAsync(kit);
        var simulator = kit.Get<StripeSimulator>();
        (simulator.Behaviour.Drop, simulator.RefundsFail) = (true, refundsFail);
        var refundNumber = await kit.CancelledAndRefundedAsync(buyer, number);
        var queries = kit.Get<GatewayQueries>();
        Assert.Equal(0, await queries.QueryProcessingRefundsAsync());
        kit.Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await queries.QueryProcessingRefundsAsync());

        Assert.Equal(ends, (await kit.RefundAsync(refundNumber)).GatewayState);
        Assert.Equal(0, await queries.QueryProcessingRefundsAsync());
    }

    [Fact]
    public async Task Cancelling_an_unpaid_order_cancels_its_PaymentIntent_so_the_card_form_can_no_longer_take_money()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await PlacedAsync(kit);
        var start = await StartAsync(kit, buyer, number);

        await kit.Get<OrderService>().CancelUnpaidAsync(buyer, number);

        Assert.Equal("canceled", kit.Get<StripeSimulator>().FindByPaymentNumber(placed.PaymentNumber)!.Status);
        var late = await ConfirmAsync(kit, start, StripeTestCards.Succeeds);
        Assert.Equal(400, late.Status);
        Assert.Contains("payment_intent_unexpected_state", late.Body);
        Assert.Equal(GatewayTradeState.Closed, (await Gateway(kit).QueryAsync(placed.PaymentNumber, default)).State);
    }

    private static StripeGateway Gateway(OrderTestKit kit) => (StripeGateway)kit.Get<PaymentGateways>().Get(StripeGateway.GatewayName);

    internal static Task<(Actor Buyer, CheckoutResult Placed, string Number)> PlacedAsync(OrderTestKit kit) =>
        kit.PlacedWithAsync(StripeGateway.GatewayName);

    internal static async Task<(Actor Buyer, CheckoutResult Placed, string Number)> PaidAsync(OrderTestKit kit)
    {
        var placed = await PlacedAsync(kit);
        Assert.Equal(200, (await ConfirmAsync(kit, await StartAsync(kit, placed.Buyer, placed.Number), StripeTestCards.Succeeds)).Status);
        return placed;
    }

    /// <summary>The pay page's start: what its card form is mounted with.</summary>
    internal static async Task<ScriptStart> StartAsync(OrderTestKit kit, Actor buyer, string number) =>
        Assert.IsType<ScriptStart>((await kit.Get<PaymentService>().StartAsync(buyer, number, OrderTestKit.SiteUrl)).Start);

    /// <summary>The card form confirming with a card, as the (simulated) Stripe.js posts it.</summary>
    internal static Task<SimulatedStripeAnswer> ConfirmAsync(OrderTestKit kit, ScriptStart start, string card)
    {
        var simulator = kit.Get<StripeSimulator>();
        return simulator.ConfirmAsync(start.Parameters["client_secret"].Split("_secret_")[0], simulator.CardForm(start, card));
    }

}
