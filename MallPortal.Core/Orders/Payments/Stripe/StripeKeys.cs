namespace MallPortal.Core.Orders.Payments.Stripe;

/// <summary>The secret API key (server calls) and the webhook endpoint's signing secret (notifications).</summary>
public sealed record StripeKeys(string SecretKey, string WebhookSecret)
{
    /// <summary>Live mode's keys, with a clear start-up error for what is missing (the publishable key too: the card form needs it).</summary>
    public static StripeKeys Load(StripeOptions options)
    {
        if (options.PublishableKey.Length == 0)
        {
            throw new InvalidOperationException("Stripe: set Payments:Stripe:PublishableKey (pk_live_...) for the pay page's card form.");
        }
        return new StripeKeys(GatewayKeys.Read("Stripe secret key", options.SecretKeyFile, options.SecretKeyVariable),
            GatewayKeys.Read("Stripe webhook signing secret", options.WebhookSecretFile, options.WebhookSecretVariable));
    }
}
