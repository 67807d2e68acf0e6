using MallPortal.Core.Analytics;
using MallPortal.Core.Common;

namespace MallPortal.Tests.Analytics;

public sealed class SalesPeriodsTests
{
    private static readonly DateOnly Today = new(2026, 12, 5); // a Saturday

    [Theory]
    [InlineData(PeriodKind.Today, "2026-12-05", "2026-12-05")]
    [InlineData(PeriodKind.Yesterday, "2026-12-04", "2026-12-04")]
    [InlineData(PeriodKind.Last7, "2026-11-29", "2026-12-05")]
    [InlineData(PeriodKind.Last30, "2026-11-06", "2026-12-05")]
    [InlineData(PeriodKind.Week, "2026-11-30", "2026-12-05")]
    [InlineData(PeriodKind.Month, "2026-12-01", "2026-12-05")]
    [InlineData(PeriodKind.Quarter, "2026-10-01", "2026-12-05")]
    [InlineData(PeriodKind.Year, "2026-01-01", "2026-12-05")]
    public void Each_period_of_the_picker_covers_its_days(PeriodKind kind, string from, string to) =>
        Assert.Equal(new DateRange(DateOnly.Parse(from), DateOnly.Parse(to)), SalesPeriods.Of(kind, Today));

    [Theory]
    [InlineData(PeriodKind.Last7, "2026-11-29", "2026-12-05", "2026-11-22", "2026-11-28")]
    [InlineData(PeriodKind.Month, "2026-12-01", "2026-12-05", "2026-11-01", "2026-11-05")]
    [InlineData(PeriodKind.Month, "2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28")]
    [InlineData(PeriodKind.Quarter, "2026-10-01", "2026-12-05", "2026-07-01", "2026-09-05")]
    [InlineData(PeriodKind.Quarter, "2026-04-01", "2026-06-30", "2026-01-01", "2026-03-31")]
    [InlineData(PeriodKind.Year, "2026-01-01", "2026-12-05", "2025-01-01", "2025-12-05")]
    [InlineData(PeriodKind.Custom, "2026-12-31", "2027-01-01", "2026-12-29", "2026-12-30")]
    public void The_previous_period_is_the_calendar_one_before_or_as_many_days_before(PeriodKind kind, string from, string to, string previousFrom,
        string previousTo) =>
        Assert.Equal(new DateRange(DateOnly.Parse(previousFrom), DateOnly.Parse(previousTo)),
            SalesPeriods.Previous(kind, new DateRange(DateOnly.Parse(from), DateOnly.Parse(to))));

    [Fact]
    public void The_same_period_last_year_keeps_the_dates_and_turns_a_leap_day_into_the_28th() =>
        Assert.Equal(new DateRange(new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 1)),
            new DateRange(new DateOnly(2028, 2, 29), new DateOnly(2028, 3, 1)).YearBefore());

    [Theory]
    [InlineData("2026-12-06", Granularity.Week, "2026-11-30")] // Sunday belongs to the week that began on Monday
    [InlineData("2026-11-30", Granularity.Week, "2026-11-30")]
    [InlineData("2027-01-01", Granularity.Week, "2026-12-28")]
    [InlineData("2026-12-31", Granularity.Month, "2026-12-01")]
    [InlineData("2026-12-31", Granularity.Quarter, "2026-10-01")]
    [InlineData("2026-03-31", Granularity.Quarter, "2026-01-01")]
    [InlineData("2026-07-04", Granularity.Year, "2026-01-01")]
    public void Days_fall_into_the_bucket_that_starts_their_week_month_quarter_or_year(string day, Granularity granularity, string start) =>
        Assert.Equal(DateOnly.Parse(start), SalesPeriods.StartOf(DateOnly.Parse(day), granularity));

    [Theory]
    [InlineData(1, Granularity.Day)]
    [InlineData(62, Granularity.Day)]
    [InlineData(63, Granularity.Week)]
    [InlineData(366, Granularity.Month)]
    public void A_longer_range_is_drawn_in_coarser_buckets(int days, Granularity expected) =>
        Assert.Equal(expected, SalesPeriods.DefaultGranularity(new DateRange(Today.AddDays(1 - days), Today)));

    [Theory]
    [InlineData(12000, 10000, 2000)] // 环比 +20%
    [InlineData(8000, 10000, -2000)]
    [InlineData(0, 10000, -10000)]
    [InlineData(10001, 30000, -6666)] // −66.663…% rounds to −66.66%
    [InlineData(1, 3, -6667)] // −66.665% rounds away from zero
    public void Growth_is_in_basis_points_rounded_half_away_from_zero(long current, long previous, int expected) =>
        Assert.Equal(expected, Ratios.Growth(current, previous));

    [Fact]
    public void Growth_from_nothing_and_ratios_of_nothing_are_not_numbers()
    {
        Assert.Null(Ratios.Growth(500, 0));
        Assert.Null(Ratios.Bp(5, 0));
        Assert.Equal(3333, Ratios.Bp(1, 3));
        Assert.Equal(new Money(3334), new SalesKpis(10001, 3, 0, 0, 0, 0, 0, 0, 0).AverageOrder);
        Assert.Equal(Money.Zero, SalesKpis.None.AverageOrder);
    }

    [Fact]
    public void A_reversed_an_absurd_or_a_missing_range_is_refused_with_a_message()
    {
        Assert.Equal("开始日期不能晚于结束日期", Assert.Throws<DomainException>(() => DateRange.Checked(Today, Today.AddDays(-1))).Message);
        Assert.Contains("不超过 3 年", Assert.Throws<DomainException>(() => DateRange.Checked(Today.AddYears(-4), Today)).Message);
        Assert.Throws<DomainException>(() => DateRange.Checked(new DateOnly(1999, 12, 31), new DateOnly(2000, 1, 2)));
        Assert.Throws<DomainException>(() => DateRange.Checked(null, Today));
        Assert.Equal(1, DateRange.Checked(Today, Today).Length);
    }
}
