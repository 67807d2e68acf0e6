using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.WeChatPay.Simulator;

/// <summary>A Native or JSAPI trade as the simulated WeChat Pay keeps it.</summary>
public sealed class SimulatedWeChatTrade(string transactionId, string outTradeNo, Money amount, string description, string notifyUrl, string codeUrl,
    DateTimeOffset expiresAt)
{
    public string TransactionId { get; } = transactionId;

    public string OutTradeNo { get; } = outTradeNo;

    public Money Amount { get; } = amount;

    public string Description { get; } = description;

    public string NotifyUrl { get; } = notifyUrl;

    public string CodeUrl { get; } = codeUrl;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>NOTPAY, SUCCESS, REFUND or CLOSED.</summary>
    public string State { get; set; } = "NOTPAY";

    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>JSAPI only: the payer's openid and the prepay id the in-app payment names.</summary>
    public string? OpenId { get; set; }

    public string? PrepayId { get; set; }

    public Dictionary<string, SimulatedWeChatRefund> Refunds { get; } = [];

    public Money Refunded => new(Refunds.Values.Sum(r => r.Amount.Fen));
}

/// <summary>A refund, PROCESSING until <see cref="EndsAt"/>, then SUCCESS (or ABNORMAL when told to fail).</summary>
public sealed class SimulatedWeChatRefund(string refundId, string outRefundNo, Money amount, DateTimeOffset endsAt, bool fails)
{
    public string RefundId { get; } = refundId;

    public string OutRefundNo { get; } = outRefundNo;

    public Money Amount { get; } = amount;

    public DateTimeOffset EndsAt { get; } = endsAt;

    public string StatusAt(DateTimeOffset now) => now < EndsAt ? "PROCESSING" : fails ? "ABNORMAL" : "SUCCESS";
}
