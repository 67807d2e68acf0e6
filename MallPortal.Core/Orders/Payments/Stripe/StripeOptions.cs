namespace MallPortal.Core.Orders.Payments.Stripe;

public enum StripeMode
{
    /// <summary>Not offered at checkout.</summary>
    Off,

    /// <summary>The built-in Stripe simulator (its own keys, a card form look-alike, signed webhooks): demos and tests, no money.</summary>
    Simulator,

    /// <summary>Stripe's API with the keys named below.</summary>
    Live,
}

/// <summary>Card payments through Stripe (银行卡), section Payments:Stripe. Secret keys come from files or environment variables, never this file.</summary>
public sealed class StripeOptions
{
    public const string Section = "Payments:Stripe";

    public StripeMode Mode { get; set; } = StripeMode.Simulator;

    /// <summary>The secret API key (sk_live_… or a restricted rk_live_…): a file, or an environment variable holding it.</summary>
    public string SecretKeyFile { get; set; } = "";

    public string SecretKeyVariable { get; set; } = "";

    /// <summary>The signing secret (whsec_…) of the webhook endpoint https://&lt;site&gt;/payments/notify/stripe.</summary>
    public string WebhookSecretFile { get; set; } = "";

    public string WebhookSecretVariable { get; set; } = "";

    /// <summary>The publishable key (pk_live_…) the buyer's browser loads Stripe.js with; public by design.</summary>
    public string PublishableKey { get; set; } = "";

    /// <summary>A Connect platform's connected account (acct_…) when payments are made on it; empty for a plain account.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>Lowercase ISO code; amounts are in its smallest unit (fen for cny). Events in another currency are refused.</summary>
    public string Currency { get; set; } = "cny";

    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>Where the pay page loads Stripe.js from (Stripe requires it to be loaded from js.stripe.com, never bundled).</summary>
    public string JsUrl { get; set; } = "https://js.stripe.com/v3/";

    public int TimeoutSeconds { get; set; } = 30;
}
