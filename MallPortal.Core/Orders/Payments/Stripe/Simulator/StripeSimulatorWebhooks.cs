using System.Globalization;
using System.Text.Json.Nodes;
using MallPortal.Core.Orders.Payments.Simulators;
using Microsoft.Extensions.Logging;
using Stripe;

namespace MallPortal.Core.Orders.Payments.Stripe.Simulator;

/// <summary>
/// The simulated Stripe's webhook endpoint, as registered in its dashboard: events signed with the endpoint secret (a
/// Stripe-Signature made afresh for each attempt), sent until answered 2xx on a backoff like Stripe's (about three days
/// in all), misbehaving on request (<see cref="SimulatorBehaviour"/>).
/// </summary>
public sealed class StripeSimulatorWebhooks(StripeSimulatorKeys keys, IHttpClientFactory clients, TimeProvider clock, ILogger logger)
{
    public const string NotifyClientName = "stripe-simulator-notify";

    public const string NotifyPath = "/payments/notify/" + StripeGateway.GatewayName;

    public static readonly TimeSpan[] RetrySchedule =
        new[] { 1, 5, 30, 120, 300, 600, 600, 720, 720, 720 }.Select(m => TimeSpan.FromMinutes(m)).ToArray();

    private readonly SimulatorOutbox _outbox = new(clients, NotifyClientName, RetrySchedule, (status, _) => status is >= 200 and < 300, clock, logger);

    public SimulatorBehaviour Behaviour => _outbox.Behaviour;

    public IReadOnlyList<SimulatedNotification> Outbox => _outbox.Items;

    /// <summary>
    /// The endpoint's URL (https://&lt;site&gt;/payments/notify/stripe), as a merchant registers it in Stripe's dashboard.
    /// The simulator has no dashboard: it follows the site the last buyer confirmed a card from (its return_url's origin).
    /// </summary>
    public string Url { get; private set; } = "";

    public Task<int> DeliverDueAsync(CancellationToken cancellationToken = default) => _outbox.DeliverDueAsync(cancellationToken);

    public void Learn(string returnUrl)
    {
        if (Uri.TryCreate(returnUrl, UriKind.Absolute, out var site))
        {
            Url = site.GetLeftPart(UriPartial.Authority) + NotifyPath;
        }
    }

    public void Send(string type, JsonObject data, TimeSpan after = default)
    {
        var body = StripeSimulatorJson.Event(type, data, clock.GetUtcNow()).ToJsonString();
        _outbox.Enqueue(Url, "application/json", body, sign: text => Headers(text, keys.WebhookSecret, clock.GetUtcNow()), delay: after);
    }

    /// <summary>The Stripe-Signature header for a body: t=&lt;unix seconds&gt;,v1=&lt;HMAC-SHA256 hex&gt;.</summary>
    public static Dictionary<string, string> Headers(string body, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string> { [StripeWebhook.SignatureHeader] = $"t={timestamp},v1={EventUtility.ComputeSignature(secret, timestamp, body)}" };
    }
}
