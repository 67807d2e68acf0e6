using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments.Simulators;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.Stripe.Simulator;

/// <summary>A simulated Stripe API answer: status and JSON body.</summary>
public sealed record SimulatedStripeAnswer(int Status, string Body);

/// <summary>
/// A local Stripe API for the calls Stripe.net makes (form-encoded bodies, Authorization: Bearer, Idempotency-Key):
/// PaymentIntents created, retrieved, searched by metadata and cancelled, refunds created and listed, payment methods
/// retrieved; Stripe's error envelope and status codes (401 for another key, 400 idempotency_error for a key reused with
/// other parameters, 404 resource_missing, 402 card errors); the card form's confirmation with Stripe's test cards;
/// webhooks through <see cref="Webhooks"/>. Refunds are pending for <see cref="RefundDelay"/>, then succeed. In memory.
/// </summary>
public sealed partial class StripeSimulator(StripeSimulatorKeys keys, IOptions<StripeOptions> shop, IHttpClientFactory clients, TimeProvider clock,
    ILogger<StripeSimulator> logger)
{
    public const string NotifyClientName = StripeSimulatorWebhooks.NotifyClientName;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedStripeIntent> _intents = [];
    private readonly Dictionary<string, (string Request, SimulatedStripeAnswer Answer)> _idempotent = [];

    public StripeSimulatorWebhooks Webhooks { get; } = new(keys, clients, clock, logger);

    public SimulatorBehaviour Behaviour => Webhooks.Behaviour;

    public IReadOnlyList<SimulatedNotification> Outbox => Webhooks.Outbox;

    public TimeSpan RefundDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Refunds end failed (a closed card) instead of succeeded.</summary>
    public bool RefundsFail { get; set; }

    public Task<int> DeliverDueAsync(CancellationToken cancellationToken = default) => Webhooks.DeliverDueAsync(cancellationToken);

    public SimulatedStripeIntent? Find(string intentId)
    {
        lock (_gate)
        {
            return _intents.GetValueOrDefault(intentId);
        }
    }

    public SimulatedStripeIntent? FindByPaymentNumber(string paymentNumber)
    {
        lock (_gate)
        {
            return _intents.Values.LastOrDefault(i => i.Metadata.GetValueOrDefault(StripeGateway.PaymentNumberKey) == paymentNumber);
        }
    }

    /// <summary>One server call as Stripe answers it.</summary>
    public SimulatedStripeAnswer Handle(string method, string pathAndQuery, string? authorization, string? idempotencyKey, string body)
    {
        if (authorization != "Bearer " + keys.SecretKey)
        {
            var shown = authorization?.Length > 11 ? authorization[7..15] + "********" + authorization[^4..] : "";
            return Answer(401, StripeSimulatorJson.Error("invalid_request_error", null, $"Invalid API Key provided: {shown}"));
        }
        if (method != "POST" || idempotencyKey is null)
        {
            return Route(method, pathAndQuery, body);
        }
        lock (_gate)
        {
            var request = $"{method} {pathAndQuery}\n{body}";
            if (_idempotent.TryGetValue(idempotencyKey, out var known))
            {
                return known.Request == request ? known.Answer : Answer(400, StripeSimulatorJson.Error("idempotency_error", null,
                    $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{idempotencyKey}' if you meant to execute a different request."));
            }
            var answer = Route(method, pathAndQuery, body);
            _idempotent[idempotencyKey] = (request, answer);
            return answer;
        }
    }

    /// <summary>
    /// The card form confirming an intent from the buyer's browser (publishable key and client secret, the card's fields):
    /// the intent succeeds or keeps its decline, and the event goes out (as <see cref="Behaviour"/> says).
    /// </summary>
    public async Task<SimulatedStripeAnswer> ConfirmAsync(string intentId, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken = default)
    {
        SimulatedStripeAnswer answer;
        lock (_gate)
        {
            answer = Confirm(intentId, form);
        }
        await DeliverDueAsync(cancellationToken);
        return answer;
    }

    /// <summary>A payment_intent.succeeded event for a payment's intent as the simulator signs it; tests change the event before it is signed.</summary>
    public (string Body, Dictionary<string, string> Headers) SignedEvent(string paymentNumber, Action<JsonObject>? change = null, DateTimeOffset? signedAt = null)
    {
        var intent = FindByPaymentNumber(paymentNumber) ?? throw new InvalidOperationException($"No PaymentIntent for {paymentNumber}");
        var data = StripeSimulatorJson.Intent(intent);
        data["status"] = "succeeded";
        data["amount_received"] = intent.Amount.Fen;
        var stripeEvent = StripeSimulatorJson.Event("payment_intent.succeeded", data, clock.GetUtcNow());
        change?.Invoke(stripeEvent);
        var body = stripeEvent.ToJsonString();
        return (body, StripeSimulatorWebhooks.Headers(body, keys.WebhookSecret, signedAt ?? clock.GetUtcNow()));
    }

    /// <summary>What the card form posts for a card (as the simulated Stripe.js sends it): expiry next year, CVC 123.</summary>
    public Dictionary<string, string> CardForm(ScriptStart start, string cardNumber) => new()
    {
        ["key"] = start.Parameters["publishable_key"],
        ["client_secret"] = start.Parameters["client_secret"],
        ["return_url"] = start.Parameters["return_url"],
        ["card[number]"] = cardNumber,
        ["card[exp_month]"] = "12",
        ["card[exp_year]"] = (clock.GetUtcNow().Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["card[cvc]"] = "123",
    };

    private SimulatedStripeAnswer Confirm(string intentId, IReadOnlyDictionary<string, string> form)
    {
        if (form.GetValueOrDefault("key") != keys.PublishableKey)
        {
            return Answer(401, StripeSimulatorJson.Error("invalid_request_error", null, "Invalid API Key provided."));
        }
        if (!_intents.TryGetValue(intentId, out var intent) || form.GetValueOrDefault("client_secret") != intent.ClientSecret)
        {
            return Answer(404, StripeSimulatorJson.Error("invalid_request_error", "resource_missing", $"No such payment_intent: '{intentId}'", "intent"));
        }
        if (intent.Status != "requires_payment_method")
        {
            return Answer(400, StripeSimulatorJson.Error("invalid_request_error", "payment_intent_unexpected_state",
                $"This PaymentIntent's status is {intent.Status}, so it cannot be confirmed."));
        }
        Webhooks.Learn(form.GetValueOrDefault("return_url") ?? "");
        var number = new string((form.GetValueOrDefault("card[number]") ?? "").Where(char.IsAsciiDigit).ToArray());
        var (month, year) = (Int(form, "card[exp_month]"), Int(form, "card[exp_year]"));
        year = year is > 0 and < 100 ? 2000 + year : year;
        var fingerprint = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("fingerprint:" + number)))[..16].Replace('+', 'x').Replace('/', 'y');
        var card = new SimulatedCard("pm_" + StripeSimulatorKeys.Random(24), StripeTestCards.Brand(number), number.Length >= 4 ? number[^4..] : number, month, year,
            fingerprint);
        if (StripeTestCards.Decline(number, month, year, form.GetValueOrDefault("card[cvc]") ?? "", clock.GetUtcNow()) is { } decline)
        {
            (intent.LastError, intent.DeclinedCard) = (decline, card);
            Webhooks.Send("payment_intent.payment_failed", StripeSimulatorJson.Intent(intent));
            var error = new JsonObject { ["error"] = StripeSimulatorJson.CardError(decline.Code, decline.DeclineCode, decline.Message) };
            error["error"]!["payment_intent"] = StripeSimulatorJson.Intent(intent);
            return Answer(402, error);
        }
        intent.Card = card;
        (intent.Status, intent.ChargeId, intent.LastError, intent.PaidAt) = ("succeeded", "ch_" + StripeSimulatorKeys.Random(24), null, clock.GetUtcNow());
        Webhooks.Send("payment_intent.succeeded", StripeSimulatorJson.Intent(intent, Behaviour.AmountSkewFen));
        return Answer(200, StripeSimulatorJson.Intent(intent));
    }

    private SimulatedStripeAnswer Route(string method, string pathAndQuery, string body)
    {
        var parts = pathAndQuery.Split('?', 2);
        var query = QueryHelpers.ParseQuery(parts.ElementAtOrDefault(1) ?? "").ToDictionary(q => q.Key, q => q.Value.ToString());
        var form = QueryHelpers.ParseQuery(body).ToDictionary(q => q.Key, q => q.Value.ToString());
        var path = parts[0].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        lock (_gate)
        {
            return (method, path) switch
            {
                ("POST", ["v1", "payment_intents"]) => Create(form),
                ("GET", ["v1", "payment_intents", "search"]) => Search(query.GetValueOrDefault("query") ?? ""),
                ("GET", ["v1", "payment_intents", var id]) => _intents.TryGetValue(id, out var intent)
                    ? Answer(200, StripeSimulatorJson.Intent(intent)) : Missing("payment_intent", id),
                ("POST", ["v1", "payment_intents", var id, "cancel"]) => Cancel(id),
                ("POST", ["v1", "refunds"]) => StripeSimulatorRefunds.Create(this, form),
                ("GET", ["v1", "refunds"]) => StripeSimulatorRefunds.List(this, query.GetValueOrDefault("payment_intent") ?? ""),
                ("POST", ["v1", "reporting", "report_runs"]) => CreateReport(form),
                ("GET", ["v1", "reporting", "report_runs", var id]) => _reports.TryGetValue(id, out var report) ? Answer(200, report.Json) : Missing("reporting.report_run", id),
                ("GET", ["v1", "files", var id, "contents"]) => _reportFiles.TryGetValue(id, out var file) ? new SimulatedStripeAnswer(200, file) : Missing("file", id),
                ("GET", ["v1", "payment_methods", var id]) => _intents.Values.FirstOrDefault(i => i.Card?.PaymentMethodId == id)?.Card is { } card
                    ? Answer(200, StripeSimulatorJson.PaymentMethod(card)) : Missing("payment_method", id),
                _ => Answer(404, StripeSimulatorJson.Error("invalid_request_error", null, $"Unrecognized request URL ({method}: {parts[0]}).")),
            };
        }
    }

    private SimulatedStripeAnswer Create(Dictionary<string, string> form)
    {
        if (!long.TryParse(form.GetValueOrDefault("amount"), out var amount) || amount < 1)
        {
            return Answer(400, StripeSimulatorJson.Error("invalid_request_error", "parameter_invalid_integer", "Invalid integer: amount", "amount"));
        }
        if (form.GetValueOrDefault("currency") != shop.Value.Currency)
        {
            return Answer(400, StripeSimulatorJson.Error("invalid_request_error", "parameter_invalid_empty", "Invalid currency.", "currency"));
        }
        var metadata = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)).ToDictionary(f => f.Key[9..^1], f => f.Value);
        var intent = new SimulatedStripeIntent("pi_" + StripeSimulatorKeys.Random(24), new Money(amount), form["currency"], form.GetValueOrDefault("description") ?? "",
            metadata, clock.GetUtcNow());
        _intents[intent.Id] = intent;
        return Answer(200, StripeSimulatorJson.Intent(intent));
    }

    /// <summary>Only the search the shop makes: metadata['key']:'value'.</summary>
    private SimulatedStripeAnswer Search(string query)
    {
        var match = System.Text.RegularExpressions.Regex.Match(query, @"^metadata\['([a-z_]+)'\]:'([^']*)'$");
        if (!match.Success)
        {
            return Answer(400, StripeSimulatorJson.Error("invalid_request_error", "parameter_invalid_string", "Invalid search query.", "query"));
        }
        var found = _intents.Values.Where(i => i.Metadata.GetValueOrDefault(match.Groups[1].Value) == match.Groups[2].Value).OrderByDescending(i => i.CreatedAt);
        return Answer(200, StripeSimulatorJson.List("/v1/payment_intents/search", found.Select(i => StripeSimulatorJson.Intent(i)), search: true));
    }

    private SimulatedStripeAnswer Cancel(string id)
    {
        if (!_intents.TryGetValue(id, out var intent))
        {
            return Missing("payment_intent", id);
        }
        if (intent.Status is "succeeded" or "canceled")
        {
            return Answer(400, StripeSimulatorJson.Error("invalid_request_error", "payment_intent_unexpected_state",
                $"You cannot cancel this PaymentIntent because it has a status of {intent.Status}."));
        }
        (intent.Status, intent.CanceledAt) = ("canceled", clock.GetUtcNow());
        Webhooks.Send("payment_intent.canceled", StripeSimulatorJson.Intent(intent));
        return Answer(200, StripeSimulatorJson.Intent(intent));
    }

    internal SimulatedStripeIntent? Intent(string id) => _intents.GetValueOrDefault(id);

    internal DateTimeOffset Now => clock.GetUtcNow();

    internal static SimulatedStripeAnswer Answer(int status, JsonObject body) => new(status, body.ToJsonString());

    internal static SimulatedStripeAnswer Missing(string kind, string id) =>
        Answer(404, StripeSimulatorJson.Error("invalid_request_error", "resource_missing", $"No such {kind}: '{id}'", "id"));

    private static int Int(IReadOnlyDictionary<string, string> form, string key) => int.TryParse(form.GetValueOrDefault(key), out var value) ? value : 0;
}
