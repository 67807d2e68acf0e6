using System.Globalization;

namespace MallPortal.Core.Common;

/// <summary>
/// An amount of CNY in fen (1/100 yuan), stored as <see cref="long"/> so that SQL sums, sorts and
/// comparisons are exact on SQLite and PostgreSQL alike (decision 0002). Rounding happens only in
/// <see cref="Percent"/>; splitting happens only in <see cref="Allocate"/>, whose parts always add
/// up to the whole.
/// </summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public static Money FromFen(long fen) => new(fen);

    /// <summary>Exact conversion from yuan; more than two decimal places is a programming error.</summary>
    public static Money FromYuan(decimal yuan)
    {
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            throw new ArgumentException($"{yuan} has more than two decimal places.", nameof(yuan));
        }
        return new Money(decimal.ToInt64(fen));
    }

    public decimal Yuan => Fen / 100m;

    public bool IsNegative => Fen < 0;

    public bool IsZero => Fen == 0;

    /// <summary>
    /// The given share of this amount, rounded half away from zero to the fen. This is the only
    /// rounding in MallPortal.
    /// </summary>
    public Money Percent(BasisPoints rate)
    {
        var product = (Int128)Fen * rate.Value;
        var quotient = product / BasisPoints.Whole;
        var remainder = product % BasisPoints.Whole;
        if (Int128.Abs(remainder) * 2 >= BasisPoints.Whole)
        {
            quotient += Int128.Sign(product);
        }
        return new Money((long)quotient);
    }

    /// <summary>
    /// This amount's share <paramref name="part"/> / <paramref name="whole"/> (a refunded part of a line), rounded half away
    /// from zero to the fen like <see cref="Percent"/>; the whole amount once the part reaches the whole.
    /// </summary>
    public Money Share(long part, long whole)
    {
        if (whole <= 0 || part >= whole)
        {
            return this;
        }
        var product = (Int128)Fen * Math.Max(0, part);
        var quotient = product / whole;
        if (Int128.Abs(product % whole) * 2 >= whole)
        {
            quotient += Int128.Sign(product);
        }
        return new Money((long)quotient);
    }

    /// <summary>
    /// Splits this amount in proportion to <paramref name="weights"/> by the largest-remainder
    /// method: every part is the floor of its exact share, and the fen left over go one each to
    /// the parts with the largest remainders (earlier parts first on ties). The parts always sum
    /// to this amount.
    /// </summary>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<long> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one weight is needed.", nameof(weights));
        }
        if (weights.Any(w => w < 0))
        {
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        }
        Int128 total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }
        if (total == 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        var sign = Math.Sign(Fen);
        var whole = (Int128)Fen * sign;
        var parts = new long[weights.Count];
        var remainders = new Int128[weights.Count];
        Int128 given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = whole * weights[i];
            parts[i] = (long)(exact / total);
            remainders[i] = exact % total;
            given += parts[i];
        }

        var leftOver = (long)(whole - given);
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .Take((int)leftOver);
        foreach (var i in order)
        {
            parts[i]++;
        }
        return parts.Select(p => new Money(p * sign)).ToArray();
    }

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));

    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));

    public static Money operator -(Money a) => new(checked(-a.Fen));

    public static Money operator *(Money a, long quantity) => new(checked(a.Fen * quantity));

    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;

    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;

    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;

    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    /// <summary>The one display form: ¥12.34, -¥0.05.</summary>
    public override string ToString()
    {
        var abs = Math.Abs((decimal)Fen) / 100m;
        var text = "¥" + abs.ToString("#,##0.00", CultureInfo.InvariantCulture);
        return Fen < 0 ? "-" + text : text;
    }
}
