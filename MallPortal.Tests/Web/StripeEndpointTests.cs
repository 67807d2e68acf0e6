using System.Net;
using System.Text.Json.Nodes;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Orders.Payments.Stripe.Simulator;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

/// <summary>
/// Stripe's webhooks through the real /payments/notify/stripe endpoint: the Stripe-Signature over the raw body within five
/// minutes, this account in test mode, the currency, the event's type; each refusal logged with its reason and answered
/// 400, the genuine event answered {"received":true} and taken once however often and however concurrently it comes.
/// </summary>
public class StripeEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Buyer = "13800000021";

    public static TheoryData<string, string> Forgeries() => new()
    {
        { "signed with another secret", "signature" },
        { "body changed after signing", "signature" },
        { "no Stripe-Signature header", "signature" },
        { "signed six minutes ago", "stale timestamp" },
        { "an older API version", "api_version" },
        { "a live-mode event", "livemode true" },
        { "another account's event", "account acct_1OtherAccount" },
        { "another currency", "currency usd" },
        { "an unexpected event type", "event type charge.succeeded" },
        { "no payment_number", "malformed" },
        { "signed but not JSON", "malformed" },
        { "a wrong amount", "amount" },
        { "an unknown payment", "unknown payment" },
    };

    [Theory, MemberData(nameof(Forgeries))]
    public async Task A_forged_stale_or_foreign_webhook_is_refused_logged_with_its_reason_and_changes_nothing(string forgery, string reason)
    {
        var (payment, order) = await OpenedAsync();
        var simulator = app.Factory.Services.GetRequiredService<StripeSimulator>();
        var (body, headers) = forgery switch
        {
            "signed six minutes ago" => simulator.SignedEvent(payment, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6)),
            "an older API version" => simulator.SignedEvent(payment, e => e["api_version"] = "2020-08-27"),
            "a live-mode event" => simulator.SignedEvent(payment, e => e["livemode"] = true),
            "another account's event" => simulator.SignedEvent(payment, e => e["account"] = "acct_1OtherAccount"),
            "another currency" => simulator.SignedEvent(payment, e => Intent(e)["currency"] = "usd"),
            "an unexpected event type" => simulator.SignedEvent(payment, e => e["type"] = "charge.succeeded"),
            "no payment_number" => simulator.SignedEvent(payment, e => Intent(e)["metadata"] = new JsonObject()),
            "a wrong amount" => simulator.SignedEvent(payment, e => Intent(e)["amount_received"] = 1),
            "an unknown payment" => simulator.SignedEvent(payment, e => Intent(e)["metadata"]!["payment_number"] = "P20260101000000000000"),
            _ => simulator.SignedEvent(payment),
        };
        switch (forgery)
        {
            case "signed with another secret": headers = StripeSimulatorWebhooks.Headers(body, "whsec_" + new string('x', 32), DateTimeOffset.UtcNow); break;
            case "body changed after signing": body = body.Replace("\"type\"", " \"type\"", StringComparison.Ordinal); break;
            case "no Stripe-Signature header": headers.Clear(); break;
            case "signed but not JSON": (body, headers) = Resigned("not json at all"); break;
        }

        var answer = await PostAsync(body, headers);

        Assert.Equal((HttpStatusCode.BadRequest, """{"received":false}"""), (answer.StatusCode, await answer.Content.ReadAsStringAsync()));
        await using var db = await ContextAsync();
        Assert.Equal(OrderStatus.PendingPayment, await db.Orders.Where(o => o.Number == order).Select(o => o.Status).SingleAsync());
        var logged = await db.PaymentNotifications.OrderBy(n => n.Id).LastAsync(n => n.Gateway == StripeGateway.GatewayName);
        Assert.Equal(NotificationOutcome.Rejected, logged.Outcome);
        Assert.StartsWith(reason, logged.Reason);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_acknowledged_twice_and_pays_once()
    {
        var (payment, order) = await OpenedAsync();
        var (body, headers) = app.Factory.Services.GetRequiredService<StripeSimulator>().SignedEvent(payment);

        var first = await PostAsync(body, headers);
        var second = await PostAsync(body, headers);

        Assert.Equal((HttpStatusCode.OK, """{"received":true}"""), (first.StatusCode, await first.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, """{"received":true}"""), (second.StatusCode, await second.Content.ReadAsStringAsync()));
        await using var db = await ContextAsync();
        Assert.Single((await db.Orders.Include(o => o.Events).SingleAsync(o => o.Number == order)).Events, e => e.Kind == OrderEventKind.Pay);
        Assert.Equal([NotificationOutcome.Accepted, NotificationOutcome.Duplicate],
            await db.PaymentNotifications.Where(n => n.PaymentNumber == payment).OrderBy(n => n.Id).Select(n => n.Outcome).ToListAsync());
    }

    [Fact]
    public async Task Twenty_copies_of_the_genuine_event_at_once_are_all_acknowledged_and_pay_the_order_once()
    {
        var (payment, order) = await OpenedAsync();
        var (body, headers) = app.Factory.Services.GetRequiredService<StripeSimulator>().SignedEvent(payment);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => PostAsync(body, headers))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await using var db = await ContextAsync();
        var paid = await db.Orders.Include(o => o.Events).SingleAsync(o => o.Number == order);
        Assert.Equal(OrderStatus.PendingShipment, paid.Status);
        Assert.Single(paid.Events, e => e.Kind == OrderEventKind.Pay);
        Assert.Equal(1, await db.PaymentNotifications.CountAsync(n => n.PaymentNumber == payment && n.Outcome == NotificationOutcome.Accepted));
    }

    [Fact]
    public async Task The_simulated_card_form_refuses_another_publishable_key_and_a_wrong_client_secret()
    {
        var (payment, _) = await OpenedAsync();
        var intent = app.Factory.Services.GetRequiredService<StripeSimulator>().FindByPaymentNumber(payment)!;
        var client = app.Factory.CreateBrowserlessClient();
        var script = await client.GetAsync(StripeModule.SimulatorScriptPath);

        var otherKey = await client.PostAsync($"/simulators/stripe/v1/payment_intents/{intent.Id}/confirm", Card(("key", "pk_test_other"), ("client_secret", intent.ClientSecret)));
        var otherSecret = await client.PostAsync($"/simulators/stripe/v1/payment_intents/{intent.Id}/confirm",
            Card(("key", StripeSimulatorKeys.Shared.PublishableKey), ("client_secret", intent.Id + "_secret_guessed")));

        Assert.Contains("window.Stripe", await script.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.NotFound), (otherKey.StatusCode, otherSecret.StatusCode));
        Assert.Contains("resource_missing", await otherSecret.Content.ReadAsStringAsync());
        Assert.Equal("requires_payment_method", intent.Status);
    }

    [Fact]
    public async Task The_demo_has_Liu_Yangs_card_order_paid_with_the_test_card_at_the_simulator()
    {
        await using var db = await ContextAsync();
        var liu = await db.Users.Where(u => u.PhoneNumber == "13800000022").Select(u => u.Id).SingleAsync();

        var order = await db.Orders.Include(o => o.Payment).SingleAsync(o => o.PaymentMethod == StripeGateway.GatewayName && o.BuyerUserId == liu);

        Assert.Equal((OrderStatus.PendingShipment, PaymentStatus.Paid), (order.Status, order.Payment.Status));
        var intent = app.Factory.Services.GetRequiredService<StripeSimulator>().Find(order.Payment.GatewayTradeNo!);
        Assert.Equal(("succeeded", "4242"), (intent!.Status, intent.Card!.Last4));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("http://shop.example.com", true)]
    [InlineData("https://shop.example.com", false)]
    public void Live_Stripe_outside_Development_needs_the_shops_https_address(string? site, bool refused)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:Stripe:Mode"] = "Live", ["Payments:Alipay:Mode"] = "Off", ["Payments:WeChatPay:Mode"] = "Off", ["Web:PublicBaseUrl"] = site,
        }).Build();

        var problem = Hosting.PaymentTransport.Problem(config, development: false);

        Assert.Equal(refused, problem?.Contains("(Stripe)", StringComparison.Ordinal) == true);
    }

    private static FormUrlEncodedContent Card(params (string Key, string Value)[] fields) => new(fields
        .Select(f => KeyValuePair.Create(f.Key, f.Value))
        .Append(KeyValuePair.Create("card[number]", StripeTestCards.Succeeds)).Append(KeyValuePair.Create("card[exp_month]", "12"))
        .Append(KeyValuePair.Create("card[exp_year]", "2099")).Append(KeyValuePair.Create("card[cvc]", "123")));

    private static JsonObject Intent(JsonObject stripeEvent) => stripeEvent["data"]!["object"]!.AsObject();

    private static (string Body, Dictionary<string, string> Headers) Resigned(string body) =>
        (body, StripeSimulatorWebhooks.Headers(body, StripeSimulatorKeys.Shared.WebhookSecret, DateTimeOffset.UtcNow));

    private Task<(string Payment, string Order)> OpenedAsync() => NotifyEndpoint.OpenedAsync<ScriptStart>(app.Factory, Buyer, StripeGateway.GatewayName);

    private Task<HttpResponseMessage> PostAsync(string body, IReadOnlyDictionary<string, string> headers) =>
        NotifyEndpoint.PostAsync(app.Factory, StripeGateway.GatewayName, body, headers);

    private Task<MallDbContext> ContextAsync() => NotifyEndpoint.ContextAsync(app.Factory);
}
