using System.Security.Cryptography;

namespace MallPortal.Core.Orders.Payments.Stripe.Simulator;

/// <summary>
/// The simulator's self-made test-mode keys, as the Stripe dashboard hands them out: the secret key the shop calls the API
/// with, the publishable key the browser loads Stripe.js with, and the webhook endpoint's signing secret. Made once per process.
/// </summary>
public sealed class StripeSimulatorKeys
{
    private static readonly Lazy<StripeSimulatorKeys> Instance = new(() => new StripeSimulatorKeys());

    private StripeSimulatorKeys()
    {
        var account = Random(16);
        (SecretKey, PublishableKey, WebhookSecret) = ($"sk_test_51{account}{Random(80)}", $"pk_test_51{account}{Random(80)}", "whsec_" + Random(32));
    }

    public static StripeSimulatorKeys Shared => Instance.Value;

    public string SecretKey { get; }

    public string PublishableKey { get; }

    public string WebhookSecret { get; }

    /// <summary>What the shop holds: the secret key and the webhook secret.</summary>
    public StripeKeys ForShop() => new(SecretKey, WebhookSecret);

    internal static string Random(int length) =>
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);
}
