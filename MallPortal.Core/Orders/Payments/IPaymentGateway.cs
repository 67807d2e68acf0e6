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
/// One payment provider as the order module sees it: the sandbox, cash on delivery and the real adapters (Alipay, WeChat
/// Pay, UnionPay, Stripe) implement the same members; what a provider cannot do is said by <see cref="Capabilities"/>,
/// never by a throwing stub.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Stored on payments and used in the notification URL (/payments/notify/{name}).</summary>
    string Name { get; }

    GatewayCapabilities Capabilities { get; }

    /// <summary>False for cash on delivery: nothing is paid before the goods arrive.</summary>
    bool PaysOnline { get; }

    /// <summary>Creates the trade at the provider; says what the buyer's browser does next (see <see cref="GatewayStart"/>).</summary>
    Task<GatewayStart> StartAsync(GatewayPaymentRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a notification as received (headers, raw body, parsed form): signature, replay window and that it is meant
    /// for this merchant. A rejection carries its reason for the log; a verified notice still has its payment and amount checked.
    /// </summary>
    GatewayVerification Verify(GatewayCallback callback);

    /// <summary>What the provider expects back: for a taken (or duplicate) notification, and for a refused one.</summary>
    GatewayAnswer Answer(bool accepted);

    /// <summary>
    /// Idempotent per refund number: repeating it never moves money twice. Some providers answer "processing" (WeChat
    /// Pay, cards) and finish later by a refund notification or <see cref="QueryRefundAsync"/>.
    /// </summary>
    Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken);

    /// <summary>Where a refund that was processing stands now.</summary>
    Task<GatewayRefundResult> QueryRefundAsync(string paymentNumber, string refundNumber, CancellationToken cancellationToken);

    /// <summary>
    /// The trade as the provider knows it, asked server to server (主动查单): trusted like a verified notification, so a
    /// payment whose notification is late or lost is still settled.
    /// </summary>
    Task<GatewayTrade> QueryAsync(string paymentNumber, CancellationToken cancellationToken);

    /// <summary>Closes an unpaid trade; returns false when the buyer had already paid it.</summary>
    Task<bool> CloseAsync(string paymentNumber, CancellationToken cancellationToken);
}

/// <summary>Where the buyer pays: a computer's browser, a phone's (Alipay's wap pay), or WeChat's own browser (JSAPI).</summary>
public enum PaymentDevice
{
    Computer,
    Phone,

    /// <summary>A page opened inside WeChat on a phone: WeChat Pay pays there without a QR code, given the buyer's openid.</summary>
    WeChat,
}

/// <summary>
/// A payment to start at a gateway. <paramref name="PayerId"/> is the buyer as the provider knows them, when the site
/// has it (WeChat's openid for this app, from WeChat sign-in): JSAPI needs it.
/// </summary>
public sealed record GatewayPaymentRequest(string PaymentNumber, Money Amount, string Subject, string NotifyUrl, string ReturnUrl, DateTime ExpiresAt,
    PaymentDevice Device = PaymentDevice.Computer, string? PayerId = null);

/// <summary>The gateway pays in the buyer's app only once the site knows who they are there (WeChat JSAPI needs the openid).</summary>
public sealed class PayerSignInRequiredException(string gateway) : Exception($"{gateway}: the payer's identity is needed first")
{
    public string Gateway { get; } = gateway;
}

/// <summary>
/// The provider will not let this payer pay the trade because another payer started it in the provider's app: WeChat Pay
/// refuses to prepay one out_trade_no for a second openid (decision 0018). Only a new trade through the same gateway
/// (<see cref="PaymentMethodSwitch.RestartAsync"/>) or another method lets this buyer pay.
/// </summary>
public sealed class PaymentStartedByOtherPayerException(string gateway) : Exception($"{gateway}: the trade was started by another payer")
{
    public string Gateway { get; } = gateway;
}

/// <summary>
/// A verified notification: which event, which payment, how much, and whether the buyer paid. <paramref name="PayerCard"/>
/// is the card the provider says was tried (Stripe's card fingerprint on a decline): a payment attempt by that card.
/// </summary>
public sealed record GatewayNotice(string EventKey, string PaymentNumber, string? GatewayTradeNo, Money Amount, bool Paid, string? PayerCard = null);

/// <summary>A verified refund notification: which refund of which payment, how much, and how it ended.</summary>
public sealed record GatewayRefundNotice(string EventKey, string PaymentNumber, string RefundNumber, string? GatewayRefundNo, Money Amount,
    GatewayRefundState State);

/// <summary>A notification's verification: a payment notice, a refund notice, or why it was refused.</summary>
public sealed record GatewayVerification(GatewayNotice? Notice, string? Rejection, GatewayRefundNotice? RefundNotice = null)
{
    public static GatewayVerification Verified(GatewayNotice notice) => new(notice, null);

    public static GatewayVerification Verified(GatewayRefundNotice notice) => new(null, null, notice);

    public static GatewayVerification Rejected(string reason) => new(null, reason);
}

/// <summary>An HTTP answer to a provider, exactly as it expects it.</summary>
public sealed record GatewayAnswer(int StatusCode, string ContentType, string Body)
{
    public static GatewayAnswer Text(int statusCode, string body) => new(statusCode, "text/plain; charset=utf-8", body);
}

/// <summary>
/// A refund of part or all of a payment. <paramref name="GatewayTradeNo"/> is the provider's number of the paid trade
/// (UnionPay refunds name it as origQryId, Stripe's the PaymentIntent); null when the payment was settled without one.
/// </summary>
public sealed record GatewayRefundRequest(string PaymentNumber, string RefundNumber, Money Amount, Money PaymentAmount, string Reason,
    string? GatewayTradeNo = null);

public enum GatewayRefundState
{
    Succeeded,

    /// <summary>Accepted, the money is on its way back; a notification or a query says how it ends.</summary>
    Processing,

    Failed,
}

public sealed record GatewayRefundResult(GatewayRefundState State, string? GatewayRefundNo, string? Error)
{
    public bool Succeeded => State == GatewayRefundState.Succeeded;

    /// <summary>Done or on its way: the shop's side of the refund goes ahead.</summary>
    public bool Accepted => State != GatewayRefundState.Failed;

    public static GatewayRefundResult Done(string? gatewayRefundNo) => new(GatewayRefundState.Succeeded, gatewayRefundNo, null);

    public static GatewayRefundResult Processing(string? gatewayRefundNo) => new(GatewayRefundState.Processing, gatewayRefundNo, null);

    public static GatewayRefundResult Failed(string? error) => new(GatewayRefundState.Failed, null, error);
}

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

/// <summary>A provider's call or answer that could not be trusted or not be had (network, bad signature, unknown reply).</summary>
public sealed class PaymentGatewayException(string message, Exception? inner = null) : Exception(message, inner);
