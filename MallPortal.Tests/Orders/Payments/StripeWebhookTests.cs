using System.Text;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Orders.Payments.Stripe.Simulator;
using MallPortal.Tests.Support;
using Stripe;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>Stripe's webhook signature: the reference's known answer, and the five minutes measured by the shop's clock.</summary>
public class StripeWebhookTests
{
    [Fact]
    public void The_signature_is_HMAC_SHA256_of_the_timestamp_and_body_with_the_whole_endpoint_secret()
    {
        const string Expected = "3b843bacfb18cc5554542fdcc84d815b399c52758e508a6fcecf0a2af4efea2b";

        Assert.Equal(Expected, EventUtility.ComputeSignature("whsec_abc", "1700000000", """{"a":1}"""));
        Assert.Equal($"t=1700000000,v1={Expected}",
            StripeSimulatorWebhooks.Headers("""{"a":1}""", "whsec_abc", DateTimeOffset.FromUnixTimeSeconds(1700000000))[StripeWebhook.SignatureHeader]);
    }

    [Theory]
    [InlineData(300, null)]
    [InlineData(301, "stale timestamp")]
    [InlineData(-301, "stale timestamp")]
    public async Task A_webhook_is_taken_within_five_minutes_of_its_signature_by_the_shops_clock(int secondsAgo, string? rejection)
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, placed, number) = await StripeGatewayTests.PlacedAsync(kit);
        await StripeGatewayTests.StartAsync(kit, buyer, number);
        var (body, headers) = kit.Get<StripeSimulator>().SignedEvent(placed.PaymentNumber, signedAt: kit.Clock.GetUtcNow().AddSeconds(-secondsAgo));

        var verification = kit.Get<PaymentGateways>().Get(StripeGateway.GatewayName).Verify(new GatewayCallback(headers, Encoding.UTF8.GetBytes(body),
            new Dictionary<string, string>()));

        Assert.Equal(rejection, verification.Rejection);
        Assert.Equal(rejection is null ? placed.Amount : (Core.Common.Money?)null, verification.Notice?.Amount);
    }
}
