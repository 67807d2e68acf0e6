namespace MallPortal.Core.Analytics.History;

/// <summary>
/// How busy a day and an hour of generated history are: a weekly rhythm (weekends sell more), growth towards the end of
/// the range, and the promotions Chinese shoppers wait for (双11 on 1–11 November, strongest on the 11th; 年货节 before
/// the Spring Festival and 618 in June, smaller). Demand factors are plain ratios, not money.
/// </summary>
public static class HistoryCalendar
{
    /// <summary>Monday first: Saturday and Sunday are the busiest days of an ordinary week.</summary>
    private static readonly double[] Weekday = [0.9, 0.88, 0.92, 0.97, 1.08, 1.3, 1.25];

    /// <summary>Orders by business-local hour: quiet at night, busy late morning, after lunch and in the evening.</summary>
    private static readonly int[] Hours = [18, 8, 4, 2, 2, 3, 8, 20, 38, 52, 62, 60, 50, 55, 60, 58, 52, 50, 55, 70, 88, 100, 85, 45];

    /// <summary>双11 starts at midnight: the first hour of the 11th is its busiest.</summary>
    private static readonly int[] Double11Hours = [260, 90, 30, 10, 5, 5, 10, 25, 45, 60, 70, 70, 60, 65, 70, 68, 62, 60, 65, 80, 100, 120, 130, 110];

    /// <summary>How much more a year later sells than a year earlier.</summary>
    private const double YearlyGrowth = 1.6;

    public static DateRange Double11(int year) => new(new DateOnly(year, 11, 1), new DateOnly(year, 11, 11));

    /// <summary>年货节: about two weeks of January, before the Spring Festival (fixed here; the real dates move with the lunar year).</summary>
    public static DateRange NewYearGoods(int year) => new(new DateOnly(year, 1, 8), new DateOnly(year, 1, 22));

    /// <summary>618: the mid-year sale that merchants run themselves (the demo's first shop names it as its own promotion).</summary>
    public static DateRange MidYear(int year) => new(new DateOnly(year, 6, 1), new DateOnly(year, 6, 18));

    /// <summary>The day's demand against an ordinary weekday at the end of the range (1.0).</summary>
    public static double Demand(DateOnly day, DateOnly end) =>
        Weekday[((int)day.DayOfWeek + 6) % 7] * Growth(day, end) * Promotion(day);

    public static double Promotion(DateOnly day) => (day.Month, day.Day) switch
    {
        (11, 11) => 8.0,
        (11, 10) => 2.6,
        (11, < 10) => 1.3 + 0.1 * day.Day,
        (11, 12) => 1.4, // returns and late buyers the day after
        (1, >= 8 and <= 22) => 1.5,
        (6, 18) => 2.5,
        (6, < 18) => 1.2,
        _ => 1.0,
    };

    /// <summary>A time of the day, as business-local ticks after midnight, drawn by the hourly weights.</summary>
    public static TimeSpan TimeOfDay(DateOnly day, Random random)
    {
        var weights = day is { Month: 11, Day: 11 } ? Double11Hours : Hours;
        var hour = Pick(weights, random);
        return TimeSpan.FromHours(hour) + TimeSpan.FromSeconds(random.Next(3600));
    }

    /// <summary>An index drawn in proportion to the weights.</summary>
    public static int Pick(IReadOnlyList<int> weights, Random random)
    {
        var draw = random.Next(weights.Sum());
        for (var i = 0; i < weights.Count; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }

    private static double Growth(DateOnly day, DateOnly end) => Math.Pow(YearlyGrowth, -(end.DayNumber - day.DayNumber) / 365.0);
}
