using MallPortal.Core.Common;

namespace MallPortal.Components.Shared;

/// <summary>
/// A yuan amount typed into a form, as Money: rounded to the fen, and held within what a long can carry so an absurd
/// figure reaches the business rule (which names the allowed range) instead of overflowing.
/// </summary>
public static class YuanInput
{
    private const decimal Limit = 1_000_000_000_000m;

    public static Money ToMoney(decimal yuan) =>
        Money.FromYuan(decimal.Round(Math.Clamp(yuan, -Limit, Limit), 2, MidpointRounding.AwayFromZero));

    public static Money? ToMoney(decimal? yuan) => yuan is { } y ? ToMoney(y) : null;
}
