using System.Text.Json.Nodes;

namespace MallPortal.Core.Orders.Payments.Stripe.Simulator;

/// <summary>The simulated Stripe's objects, shaped as Stripe's API returns them (the fields Stripe.net and Stripe.js read).</summary>
public static class StripeSimulatorJson
{
    /// <summary>The API version the simulator's events carry: Stripe.net 53.1.0's own, so its EventUtility accepts them.</summary>
    public const string ApiVersion = "2026-10-28.endive";

    public static JsonObject Intent(SimulatedStripeIntent intent, long amountSkewFen = 0) => new()
    {
        ["id"] = intent.Id,
        ["object"] = "payment_intent",
        ["amount"] = intent.Amount.Fen,
        ["amount_capturable"] = 0,
        ["amount_received"] = intent.Status == "succeeded" ? intent.Amount.Fen + amountSkewFen : 0,
        ["capture_method"] = "automatic",
        ["client_secret"] = intent.ClientSecret,
        ["confirmation_method"] = "automatic",
        ["created"] = intent.CreatedAt.ToUnixTimeSeconds(),
        ["currency"] = intent.Currency,
        ["description"] = intent.Description,
        ["canceled_at"] = intent.CanceledAt?.ToUnixTimeSeconds(),
        ["cancellation_reason"] = intent.CanceledAt is null ? null : "abandoned",
        ["last_payment_error"] = intent.LastError is { } error ? DeclineOf(error, intent.DeclinedCard) : null,
        ["latest_charge"] = intent.ChargeId,
        ["livemode"] = false,
        ["metadata"] = Metadata(intent.Metadata),
        ["payment_method"] = intent.Card?.PaymentMethodId,
        ["payment_method_types"] = new JsonArray("card"),
        ["status"] = intent.Status,
    };

    public static JsonObject PaymentMethod(SimulatedCard card) => new()
    {
        ["id"] = card.PaymentMethodId,
        ["object"] = "payment_method",
        ["type"] = "card",
        ["livemode"] = false,
        ["card"] = new JsonObject
        {
            ["brand"] = card.Brand, ["last4"] = card.Last4, ["exp_month"] = card.ExpMonth, ["exp_year"] = card.ExpYear, ["fingerprint"] = card.Fingerprint,
            ["funding"] = "credit", ["country"] = "US",
        },
    };

    public static JsonObject Refund(SimulatedStripeIntent intent, SimulatedStripeRefund refund, DateTimeOffset now) => new()
    {
        ["id"] = refund.Id,
        ["object"] = "refund",
        ["amount"] = refund.Amount.Fen,
        ["charge"] = intent.ChargeId,
        ["created"] = refund.CreatedAt.ToUnixTimeSeconds(),
        ["currency"] = intent.Currency,
        ["failure_reason"] = refund.Status(now) == "failed" ? "expired_or_canceled_card" : null,
        ["metadata"] = Metadata(refund.Metadata),
        ["payment_intent"] = intent.Id,
        ["reason"] = "requested_by_customer",
        ["status"] = refund.Status(now),
    };

    public static JsonObject List(string url, IEnumerable<JsonObject> items, bool search = false) => new()
    {
        ["object"] = search ? "search_result" : "list",
        ["data"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
        ["has_more"] = false,
        ["url"] = url,
    };

    public static JsonObject Event(string type, JsonObject data, DateTimeOffset created, bool livemode = false, string? account = null)
    {
        var stripeEvent = new JsonObject
        {
            ["id"] = "evt_" + StripeSimulatorKeys.Random(24),
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = created.ToUnixTimeSeconds(),
            ["data"] = new JsonObject { ["object"] = data },
            ["livemode"] = livemode,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        };
        if (account is not null)
        {
            stripeEvent["account"] = account;
        }
        return stripeEvent;
    }

    /// <summary>Stripe's error envelope.</summary>
    public static JsonObject Error(string type, string? code, string message, string? param = null) => new()
    {
        ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message, ["param"] = param },
    };

    public static JsonObject CardError(string code, string? declineCode, string message) => new()
    {
        ["type"] = "card_error", ["code"] = code, ["decline_code"] = declineCode, ["message"] = message,
        ["doc_url"] = $"https://docs.stripe.com/error-codes/{code.Replace('_', '-')}",
    };

    private static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata) =>
        new(metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value)));

    /// <summary>A decline as last_payment_error carries it: the card error and the payment method that was declined.</summary>
    private static JsonObject DeclineOf((string Code, string? DeclineCode, string Message) error, SimulatedCard? card)
    {
        var decline = CardError(error.Code, error.DeclineCode, error.Message);
        decline["payment_method"] = card is null ? null : PaymentMethod(card);
        return decline;
    }
}
