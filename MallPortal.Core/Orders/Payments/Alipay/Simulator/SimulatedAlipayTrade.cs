using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.Alipay.Simulator;

public enum SimulatedAlipayStatus
{
    WaitBuyerPay,
    TradeSuccess,
    TradeClosed,
}

/// <summary>A trade as the simulated Alipay keeps it, from the cashier's opening to its refunds.</summary>
public sealed class SimulatedAlipayTrade(string tradeNo, string outTradeNo, Money amount, string subject, string notifyUrl, string returnUrl,
    string quitUrl, DateTimeOffset expiresAt, DateTimeOffset createdAt)
{
    public string TradeNo { get; } = tradeNo;

    public string OutTradeNo { get; } = outTradeNo;

    public Money Amount { get; } = amount;

    public string Subject { get; } = subject;

    public string NotifyUrl { get; } = notifyUrl;

    public string ReturnUrl { get; } = returnUrl;

    public string QuitUrl { get; } = quitUrl;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>alipay.trade.page.pay (a computer) or alipay.trade.wap.pay (a phone).</summary>
    public string Method { get; init; } = AlipayProtocol.PagePay;

    public SimulatedAlipayStatus Status { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>Refund request numbers (out_request_no) and their amounts.</summary>
    public Dictionary<string, Money> Refunds { get; } = [];

    /// <summary>When each refund was paid back (the bill's 完成时间).</summary>
    public Dictionary<string, DateTimeOffset> RefundedAt { get; } = [];

    public Money Refunded => new(Refunds.Values.Sum(m => m.Fen));

    public string StatusText => Status switch
    {
        SimulatedAlipayStatus.TradeSuccess => "TRADE_SUCCESS",
        SimulatedAlipayStatus.TradeClosed => "TRADE_CLOSED",
        _ => "WAIT_BUYER_PAY",
    };
}
