using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.Stripe.Simulator;

/// <summary>
/// The simulated Stripe's refunds (called under its lock): created pending on a succeeded intent (refund.created), they
/// succeed (or fail) after the simulator's refund delay (refund.updated); listed by intent.
/// </summary>
internal static class StripeSimulatorRefunds
{
    public static SimulatedStripeAnswer Create(StripeSimulator simulator, Dictionary<string, string> form)
    {
        var intentId = form.GetValueOrDefault("payment_intent") ?? "";
        if (simulator.Intent(intentId) is not { } intent)
        {
            return StripeSimulator.Missing("payment_intent", intentId);
        }
        if (intent.Status != "succeeded")
        {
            return StripeSimulator.Answer(400, StripeSimulatorJson.Error("invalid_request_error", "charge_not_refundable",
                $"This PaymentIntent ({intent.Id}) does not have a successful charge to refund."));
        }
        var amount = form.TryGetValue("amount", out var text) ? long.TryParse(text, out var fen) ? fen : -1 : (intent.Amount - intent.Refunded).Fen;
        if (amount < 1)
        {
            return StripeSimulator.Answer(400, StripeSimulatorJson.Error("invalid_request_error", "parameter_invalid_integer", "Invalid integer: amount", "amount"));
        }
        if (intent.Refunded.Fen + amount > intent.Amount.Fen)
        {
            return StripeSimulator.Answer(400, StripeSimulatorJson.Error("invalid_request_error", "amount_too_large",
                $"Refund amount ({amount}) is greater than unrefunded amount on charge ({(intent.Amount - intent.Refunded).Fen})", "amount"));
        }
        var now = simulator.Now;
        var metadata = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)).ToDictionary(f => f.Key[9..^1], f => f.Value);
        var refund = new SimulatedStripeRefund("re_" + StripeSimulatorKeys.Random(24), new Money(amount), metadata, now, now + simulator.RefundDelay,
            simulator.RefundsFail);
        intent.Refunds.Add(refund);
        simulator.Webhooks.Send("refund.created", StripeSimulatorJson.Refund(intent, refund, now));
        simulator.Webhooks.Send("refund.updated", StripeSimulatorJson.Refund(intent, refund, refund.EndsAt), simulator.RefundDelay);
        return StripeSimulator.Answer(200, StripeSimulatorJson.Refund(intent, refund, now));
    }

    public static SimulatedStripeAnswer List(StripeSimulator simulator, string intentId) =>
        simulator.Intent(intentId) is { } intent
            ? StripeSimulator.Answer(200, StripeSimulatorJson.List("/v1/refunds",
                intent.Refunds.OrderByDescending(r => r.CreatedAt).Select(r => StripeSimulatorJson.Refund(intent, r, simulator.Now))))
            : StripeSimulator.Missing("payment_intent", intentId);
}
