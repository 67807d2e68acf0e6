using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.UnionPay.Simulator;

/// <summary>A consumption as the simulated UnionPay keeps it, from the front transaction to its refunds.</summary>
public sealed class SimulatedUnionPayTrade(string orderId, string txnTime, Money amount, string subject, string frontUrl, string backUrl,
    string channelType, DateTimeOffset payTimeout)
{
    public string OrderId { get; } = orderId;

    public string TxnTime { get; } = txnTime;

    public Money Amount { get; } = amount;

    public string Subject { get; } = subject;

    public string FrontUrl { get; } = frontUrl;

    public string BackUrl { get; } = backUrl;

    /// <summary>07 a computer's browser, 08 a phone's.</summary>
    public string ChannelType { get; } = channelType;

    public DateTimeOffset PayTimeout { get; } = payTimeout;

    /// <summary>UnionPay's number of the paid consumption (queryId); refunds name it as origQryId.</summary>
    public string? QueryId { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    /// <summary>The card, masked as UnionPay echoes it (accNo).</summary>
    public string? Card { get; set; }

    public Dictionary<string, SimulatedUnionPayRefund> Refunds { get; } = [];

    public Money Refunded => new(Refunds.Values.Where(r => !r.Fails).Sum(r => r.Amount.Fen));
}

/// <summary>A refund (txnType 04): taken at once, ended at <see cref="EndsAt"/> (in progress until then).</summary>
public sealed record SimulatedUnionPayRefund(string OrderId, string TxnTime, string QueryId, Money Amount, string PaymentNumber, string BackUrl,
    DateTimeOffset EndsAt, bool Fails)
{
    /// <summary>origRespCode at <paramref name="now"/>: 05 (accepted, in progress), then 00 or 01.</summary>
    public string CodeAt(DateTimeOffset now) => now < EndsAt ? "05" : Fails ? "01" : UnionPayProtocol.Success;
}
