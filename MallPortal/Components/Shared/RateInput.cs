namespace MallPortal.Components.Shared;

/// <summary>
/// A rate typed as a percent (12.5 = 12.5 %) and stored in basis points: two decimals, held within an int so an absurd
/// figure (or a negative one) reaches the business rule, which names the allowed range.
/// </summary>
public static class RateInput
{
    private const decimal Limit = 1_000_000m;

    public static int ToBasisPoints(decimal percent) =>
        decimal.ToInt32(decimal.Round(Math.Clamp(percent, -Limit, Limit) * 100m, MidpointRounding.AwayFromZero));

    public static decimal ToPercent(int basisPoints) => basisPoints / 100m;
}
