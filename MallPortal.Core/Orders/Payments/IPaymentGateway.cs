using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments;

[Flags]
public enum GatewayCapabilities
{
    None = 0,
    Refund = 1,
    PartialRefund = 2,
    Query = 4,
    Close = 8,
}

/// <summary>
/// One payment provider as the order module sees it. Real adapters (Alipay, WeChat Pay, UnionPay, Stripe) implement
/// the same members; what a provider cannot do is said by <see cref="Capabilities"/>, never by a throwing stub.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Stored on payments and used in the notification URL (/payments/notify/{name}).</summary>
    string Name { get; }

    GatewayCapabilities Capabilities { get; }

    /// <summary>False for cash on delivery: nothing is paid before the goods arrive.</summary>
    bool PaysOnline { get; }

    /// <summary>Creates the trade at the provider; returns where to send the buyer (the cashier).</summary>
    Task<string> StartAsync(GatewayPaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Checks the signature over the fields exactly as received; null when it does not verify.</summary>
    GatewayNotice? Verify(IReadOnlyDictionary<string, string> fields);

    /// <summary>The body the provider expects back when a notification was taken (or was a duplicate).</summary>
    string Acknowledgement { get; }

    /// <summary>Idempotent per refund number: repeating it never moves money twice.</summary>
    Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The trade as the provider knows it, asked server to server (主动查单): trusted like a verified notification, so a
    /// payment whose notification is late or lost is still settled.
    /// </summary>
    Task<GatewayTrade> QueryAsync(string paymentNumber, CancellationToken cancellationToken);

    /// <summary>Closes an unpaid trade; returns false when the buyer had already paid it.</summary>
    Task<bool> CloseAsync(string paymentNumber, CancellationToken cancellationToken);
}

public sealed record GatewayPaymentRequest(string PaymentNumber, Money Amount, string Subject, string NotifyUrl, string ReturnUrl, DateTime ExpiresAt);

/// <summary>A verified notification: which event, which payment, how much, and whether the buyer paid.</summary>
public sealed record GatewayNotice(string EventKey, string PaymentNumber, string? GatewayTradeNo, Money Amount, bool Paid);

public sealed record GatewayRefundRequest(string PaymentNumber, string RefundNumber, Money Amount, Money PaymentAmount, string Reason);

public sealed record GatewayRefundResult(bool Succeeded, string? GatewayRefundNo, string? Error);

/// <summary>What a query answered; <see cref="Amount"/> and <see cref="GatewayTradeNo"/> are known once paid.</summary>
public sealed record GatewayTrade(GatewayTradeState State, Money Amount, string? GatewayTradeNo)
{
    public static readonly GatewayTrade NotFound = new(GatewayTradeState.NotFound, Money.Zero, null);
}

public enum GatewayTradeState
{
    NotFound,
    WaitingForPayment,
    Paid,
    Closed,
}
