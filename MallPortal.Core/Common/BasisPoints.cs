using System.Globalization;

namespace MallPortal.Core.Common;

/// <summary>A rate in basis points: 1 bp = 0.01 %, so 12.5 % is 1250 and 100 % is 10000.</summary>
public readonly record struct BasisPoints
{
    public const int Whole = 10_000;

    public BasisPoints(int value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A rate cannot be negative.");
        }
        Value = value;
    }

    public int Value { get; }

    public static BasisPoints FromPercent(decimal percent)
    {
        var bp = percent * 100m;
        if (bp != decimal.Truncate(bp))
        {
            throw new ArgumentException($"{percent} % is finer than one basis point.", nameof(percent));
        }
        return new BasisPoints(decimal.ToInt32(bp));
    }

    public decimal Percent => Value / 100m;

    public override string ToString() => Percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
