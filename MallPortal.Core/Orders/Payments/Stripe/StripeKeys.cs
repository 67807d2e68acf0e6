namespace MallPortal.Core.Orders.Payments.Stripe;

/// <summary>The secret API key (server calls) and the webhook endpoint's signing secret (notifications).</summary>
public sealed record StripeKeys(string SecretKey, string WebhookSecret)
{
    public static StripeKeys Load(StripeOptions options) => new(
        GatewayKeys.Read("Stripe secret key", options.SecretKeyFile, options.SecretKeyVariable),
        GatewayKeys.Read("Stripe webhook signing secret", options.WebhookSecretFile, options.WebhookSecretVariable));
}
