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

    public Money Refunded => new(Refunds.Values.Sum(m => m.Fen));

    public string StatusText => Status switch
    {
        SimulatedAlipayStatus.TradeSuccess => "TRADE_SUCCESS",
        SimulatedAlipayStatus.TradeClosed => "TRADE_CLOSED",
        _ => "WAIT_BUYER_PAY",
    };
}

/// <summary>A signed notification the simulator owes the shop until it answers "success".</summary>
public sealed class SimulatedAlipayNotification(string url, IReadOnlyDictionary<string, string> fields, DateTimeOffset nextAttemptAt)
{
    public string Url { get; } = url;

    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    public DateTimeOffset? NextAttemptAt { get; set; } = nextAttemptAt;

    public int Attempts { get; set; }

    public bool Delivered { get; set; }

    public string? LastError { get; set; }
}

/// <summary>How the simulator is told to misbehave, as real providers sometimes do.</summary>
public sealed class AlipaySimulatorBehaviour
{
    /// <summary>The first notification goes out this late (the return page then has to ask).</summary>
    public TimeSpan NotifyDelay { get; set; }

    /// <summary>Every notification is sent twice.</summary>
    public bool Duplicate { get; set; }

    /// <summary>No notification at all: only a query can settle the payment.</summary>
    public bool Drop { get; set; }

    /// <summary>Notifications claim this many fen more than was paid (a provider-side error the shop must refuse).</summary>
    public long AmountSkewFen { get; set; }
}
