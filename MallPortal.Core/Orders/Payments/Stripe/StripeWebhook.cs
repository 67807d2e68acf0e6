using MallPortal.Core.Common;
using Stripe;
using StripeRefund = global::Stripe.Refund;

namespace MallPortal.Core.Orders.Payments.Stripe;

/// <summary>
/// A Stripe webhook as the shop takes it: the Stripe-Signature header (HMAC-SHA256 with the endpoint's whsec_ secret over
/// "t.body", five minutes either way by the shop's clock) checked by Stripe.net's EventUtility, which also refuses an event
/// of another API version; then the mode, the account, the currency and the event's type.
/// </summary>
public static class StripeWebhook
{
    public const string SignatureHeader = "Stripe-Signature";

    /// <summary>Stripe.net's default tolerance (EventUtility.DefaultTimeTolerance).</summary>
    public const long ToleranceSeconds = 300;

    public static readonly GatewayAnswer Received = new(200, "application/json", """{"received":true}""");

    public static readonly GatewayAnswer Refused = new(400, "application/json", """{"received":false}""");

    /// <summary>The events a live endpoint is to be subscribed to; any other is refused.</summary>
    public static readonly string[] Events =
        ["payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled", "refund.created", "refund.updated", "charge.refund.updated"];

    public static GatewayVerification Verify(GatewayCallback callback, string secret, StripeOptions options, DateTimeOffset now)
    {
        if (callback.Header(SignatureHeader) is not { Length: > 0 } header)
        {
            return GatewayVerification.Rejected("signature: no Stripe-Signature header");
        }
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(callback.BodyText, header, secret, ToleranceSeconds, now.ToUnixTimeSeconds(), throwOnApiVersionMismatch: true);
        }
        catch (StripeException ex)
        {
            // EventUtility says which check failed only in its message (the signature is checked before the timestamp).
            return GatewayVerification.Rejected(ex.Message.Contains("tolerance", StringComparison.Ordinal) ? "stale timestamp"
                : ex.Message.Contains("API version", StringComparison.Ordinal) ? "api_version" : "signature");
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or Newtonsoft.Json.JsonException or ArgumentException or InvalidCastException)
        {
            return GatewayVerification.Rejected("malformed");
        }
        if (stripeEvent.Livemode != (options.Mode == StripeMode.Live))
        {
            return GatewayVerification.Rejected($"livemode {stripeEvent.Livemode}".ToLowerInvariant());
        }
        if ((stripeEvent.Account ?? "") != options.AccountId)
        {
            return GatewayVerification.Rejected($"account {stripeEvent.Account}");
        }
        if (stripeEvent.Id is not { Length: > 0 } id)
        {
            return GatewayVerification.Rejected("malformed");
        }
        return stripeEvent.Data?.Object switch
        {
            PaymentIntent intent when stripeEvent.Type is "payment_intent.succeeded" or "payment_intent.payment_failed" or "payment_intent.canceled" =>
                PaymentNotice(id, stripeEvent.Type, intent, options.Currency),
            StripeRefund refund when stripeEvent.Type is "refund.created" or "refund.updated" or "charge.refund.updated" => RefundNotice(id, refund, options.Currency),
            null => GatewayVerification.Rejected("malformed"),
            _ => GatewayVerification.Rejected($"event type {stripeEvent.Type}"),
        };
    }

    /// <summary>Stripe's refund states: pending (and requires_action) are on their way; canceled ends like failed.</summary>
    public static GatewayRefundState RefundState(string? status) => status switch
    {
        "succeeded" => GatewayRefundState.Succeeded,
        "failed" or "canceled" => GatewayRefundState.Failed,
        _ => GatewayRefundState.Processing,
    };

    private static GatewayVerification PaymentNotice(string id, string type, PaymentIntent intent, string currency)
    {
        if (intent.Currency != currency)
        {
            return GatewayVerification.Rejected($"currency {intent.Currency}");
        }
        if (intent.Metadata?.GetValueOrDefault(StripeGateway.PaymentNumberKey) is not { Length: > 0 } number)
        {
            return GatewayVerification.Rejected("malformed: no payment_number");
        }
        // A failed or cancelled attempt names what was asked; only a success says what was received.
        var paid = type == "payment_intent.succeeded" && intent.Status == "succeeded";
        var declinedCard = type == "payment_intent.payment_failed" ? intent.LastPaymentError?.PaymentMethod?.Card?.Fingerprint : null;
        return GatewayVerification.Verified(new GatewayNotice(id, number, intent.Id, new Money(paid ? intent.AmountReceived : intent.Amount), paid, declinedCard));
    }

    private static GatewayVerification RefundNotice(string id, StripeRefund refund, string currency)
    {
        if (refund.Currency != currency)
        {
            return GatewayVerification.Rejected($"currency {refund.Currency}");
        }
        var metadata = refund.Metadata ?? new Dictionary<string, string>();
        if (metadata.GetValueOrDefault(StripeGateway.RefundNumberKey) is not { Length: > 0 } refundNumber
            || metadata.GetValueOrDefault(StripeGateway.PaymentNumberKey) is not { Length: > 0 } paymentNumber)
        {
            return GatewayVerification.Rejected("malformed: no refund_number or payment_number");
        }
        return GatewayVerification.Verified(new GatewayRefundNotice(id, paymentNumber, refundNumber, refund.Id, new Money(refund.Amount), RefundState(refund.Status)));
    }
}
