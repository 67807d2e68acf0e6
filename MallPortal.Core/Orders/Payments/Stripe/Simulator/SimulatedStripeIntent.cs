using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.Stripe.Simulator;

/// <summary>A PaymentIntent as the simulated Stripe keeps it, from its creation to its refunds.</summary>
public sealed class SimulatedStripeIntent(string id, Money amount, string currency, string description, IReadOnlyDictionary<string, string> metadata,
    DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string ClientSecret { get; } = $"{id}_secret_{StripeSimulatorKeys.Random(25)}";

    public Money Amount { get; } = amount;

    public string Currency { get; } = currency;

    public string Description { get; } = description;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>requires_payment_method, succeeded or canceled (cards skip processing; no 3-D Secure here).</summary>
    public string Status { get; set; } = "requires_payment_method";

    public string? ChargeId { get; set; }

    /// <summary>When the card was charged (the balance transaction's time in reports).</summary>
    public DateTimeOffset? PaidAt { get; set; }

    public SimulatedCard? Card { get; set; }

    /// <summary>The card of the last decline (its payment method goes with last_payment_error, as Stripe sends it).</summary>
    public SimulatedCard? DeclinedCard { get; set; }

    /// <summary>The last decline: its code, decline code and message.</summary>
    public (string Code, string? DeclineCode, string Message)? LastError { get; set; }

    public DateTimeOffset? CanceledAt { get; set; }

    public List<SimulatedStripeRefund> Refunds { get; } = [];

    public Money Refunded => new(Refunds.Where(r => r.Status(DateTimeOffset.MaxValue) != "failed").Sum(r => r.Amount.Fen));
}

/// <summary>The card a PaymentIntent was paid with, as its payment method shows it: never the number, only its last four and fingerprint.</summary>
public sealed record SimulatedCard(string PaymentMethodId, string Brand, string Last4, int ExpMonth, int ExpYear, string Fingerprint);

/// <summary>A refund: pending until <see cref="EndsAt"/>, then succeeded (or failed, when the simulator was told refunds fail).</summary>
public sealed record SimulatedStripeRefund(string Id, Money Amount, IReadOnlyDictionary<string, string> Metadata, DateTimeOffset CreatedAt, DateTimeOffset EndsAt,
    bool Fails)
{
    public string Status(DateTimeOffset now) => now < EndsAt ? "pending" : Fails ? "failed" : "succeeded";
}
