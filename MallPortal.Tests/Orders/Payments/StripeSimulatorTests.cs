using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Orders.Payments.Stripe.Simulator;
using MallPortal.Tests.Support;
using Microsoft.Extensions.Options;
using Stripe;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>The simulated Stripe refuses as Stripe does, through Stripe.net: another secret key, a reused idempotency key, an unknown object.</summary>
public class StripeSimulatorTests
{
    [Fact]
    public async Task A_call_with_another_secret_key_gets_Stripes_401_and_nothing_is_believed()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (_, placed, _) = await StripeGatewayTests.PaidAsync(kit);
        var client = new StripeClient(new StripeClientOptions
        {
            ApiKey = "sk_test_51NotTheSimulatorsKey0000",
            ApiBase = StripeModule.SimulatorApiBase,
            HttpClient = new SystemNetHttpClient(kit.Get<IHttpClientFactory>().CreateClient(StripeGateway.GatewayName), 0, null, false),
        });
        var stranger = new StripeGateway(client, StripeSimulatorKeys.Shared.ForShop(), kit.Get<IOptions<StripeOptions>>(), kit.Clock, kit.Get<IHttpClientFactory>());

        var start = await Assert.ThrowsAsync<PaymentGatewayException>(() => stranger.StartAsync(
            new GatewayPaymentRequest("P1", new Money(100), "枕头", "https://mall.test/n", "https://mall.test/r", kit.Now.AddMinutes(30)), default));
        var query = await Assert.ThrowsAsync<PaymentGatewayException>(() => stranger.QueryAsync(placed.PaymentNumber, default));
        var refund = await stranger.RefundAsync(new GatewayRefundRequest(placed.PaymentNumber, "R1", placed.Amount, placed.Amount, "退款"), default);

        Assert.Contains("Invalid API Key provided: sk_test_********0000", start.Message);
        Assert.Contains("Invalid API Key", query.Message);
        Assert.Equal(GatewayRefundState.Failed, refund.State);
        Assert.Empty(kit.Get<StripeSimulator>().FindByPaymentNumber(placed.PaymentNumber)!.Refunds);
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_other_parameters_and_an_unknown_intent_get_Stripes_errors()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var intents = kit.Get<StripeClient>().V1.PaymentIntents;
        var key = new RequestOptions { IdempotencyKey = "same-key" };
        var first = await intents.CreateAsync(new PaymentIntentCreateOptions { Amount = 100, Currency = "cny" }, key);

        var replay = await intents.CreateAsync(new PaymentIntentCreateOptions { Amount = 100, Currency = "cny" }, key);
        var reused = await Assert.ThrowsAsync<StripeException>(() => intents.CreateAsync(new PaymentIntentCreateOptions { Amount = 200, Currency = "cny" }, key));
        var missing = await Assert.ThrowsAsync<StripeException>(() => intents.GetAsync("pi_missing"));

        Assert.Equal(first.Id, replay.Id);
        Assert.Equal((System.Net.HttpStatusCode.BadRequest, "idempotency_error"), (reused.HttpStatusCode, reused.StripeError.Type));
        Assert.Equal((System.Net.HttpStatusCode.NotFound, "resource_missing"), (missing.HttpStatusCode, missing.StripeError.Code));
    }
}
