using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Settlement;

/// <summary>
/// A shop's or a period's money, kept apart so that money not received never reads as takings:
/// 已收款 (the gateway's proof of payment, or cash on delivery marked collected, decision 0008; refunds later given back are
/// still counted here and shown beside it), 待收款 (orders not paid yet, and cash on delivery not collected yet) and 已退款.
/// </summary>
public readonly record struct Takings(Money Received, Money Open, Money Refunded)
{
    public static Takings None => new(Money.Zero, Money.Zero, Money.Zero);
}

public sealed record ShopTakings(int ShopId, string ShopName, Takings Takings);
