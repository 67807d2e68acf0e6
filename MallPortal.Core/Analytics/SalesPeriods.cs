namespace MallPortal.Core.Analytics;

public enum PeriodKind
{
    Today,
    Yesterday,
    Last7,
    Last30,
    Week,
    Month,
    Quarter,
    Year,
    Custom,
}

/// <summary>How a trend is bucketed: weeks start on Monday, quarters in January, April, July and October.</summary>
public enum Granularity
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>The periods of the period picker and their comparisons (环比, 同比), in business-local days.</summary>
public static class SalesPeriods
{
    public static DateRange Of(PeriodKind kind, DateOnly today) => kind switch
    {
        PeriodKind.Today => new(today, today),
        PeriodKind.Yesterday => new(today.AddDays(-1), today.AddDays(-1)),
        PeriodKind.Last7 => new(today.AddDays(-6), today),
        PeriodKind.Week => new(StartOf(today, Granularity.Week), today),
        PeriodKind.Month => new(StartOf(today, Granularity.Month), today),
        PeriodKind.Quarter => new(StartOf(today, Granularity.Quarter), today),
        PeriodKind.Year => new(StartOf(today, Granularity.Year), today),
        _ => new(today.AddDays(-29), today),
    };

    /// <summary>环比: the month, quarter or year before for calendar periods (1–5 December against 1–5 November),
    /// otherwise the same number of days just before.</summary>
    public static DateRange Previous(PeriodKind kind, DateRange range) => kind switch
    {
        PeriodKind.Month => Shift(range, 1),
        PeriodKind.Quarter => Shift(range, 3),
        PeriodKind.Year => range.YearBefore(),
        _ => range.Before(),
    };

    public static Granularity DefaultGranularity(DateRange range) =>
        range.Length <= 62 ? Granularity.Day : range.Length <= 190 ? Granularity.Week : Granularity.Month;

    public static DateOnly StartOf(DateOnly day, Granularity granularity) => granularity switch
    {
        Granularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        Granularity.Month => new DateOnly(day.Year, day.Month, 1),
        Granularity.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        Granularity.Year => new DateOnly(day.Year, 1, 1),
        _ => day,
    };

    private static DateRange Shift(DateRange range, int months)
    {
        var from = range.From.AddMonths(-months);
        var lastOfPeriod = StartOf(range.From, months == 1 ? Granularity.Month : Granularity.Quarter).AddDays(-1);
        var to = range.To.AddMonths(-months);
        if (range.To.AddDays(1).Day == 1)
        {
            to = new DateOnly(to.Year, to.Month, DateTime.DaysInMonth(to.Year, to.Month));
        }
        return new DateRange(from, to > lastOfPeriod ? lastOfPeriod : to);
    }
}

/// <summary>Ratios in basis points (1 bp = 0.01 %), rounded half away from zero; null when the base is zero.</summary>
public static class Ratios
{
    public static int? Bp(long part, long whole) => whole == 0 ? null : (int)Divide(part * 10_000, whole);

    /// <summary>Growth from <paramref name="previous"/> to <paramref name="current"/> (−10000 is a fall to nothing).</summary>
    public static int? Growth(long current, long previous) => previous == 0 ? null : (int)Divide((current - previous) * 10_000, previous);

    /// <summary>A quotient rounded half away from zero (average order value in fen).</summary>
    public static long Divide(long numerator, long denominator)
    {
        var quotient = Math.DivRem(numerator, denominator, out var remainder);
        return 2 * Math.Abs(remainder) >= Math.Abs(denominator) ? quotient + Math.Sign(numerator) * Math.Sign(denominator) : quotient;
    }
}
