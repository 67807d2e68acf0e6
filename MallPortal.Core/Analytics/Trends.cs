namespace MallPortal.Core.Analytics;

/// <summary>Daily points summed into buckets (week, month …), every bucket of the range present, empty ones as zero.</summary>
internal static class Trends
{
    public static IReadOnlyList<TrendPoint> Bucket(IEnumerable<TrendPoint> days, DateRange range, Granularity granularity)
    {
        var buckets = days.GroupBy(d => SalesPeriods.StartOf(d.Start, granularity))
            .ToDictionary(g => g.Key, g => new TrendPoint(g.Key, g.Sum(d => d.SalesFen), g.Sum(d => d.Orders), g.Sum(d => d.RefundFen), g.Sum(d => d.CommissionFen)));
        return range.Days().Select(d => SalesPeriods.StartOf(d, granularity)).Distinct()
            .Select(start => buckets.GetValueOrDefault(start) ?? new TrendPoint(start, 0, 0, 0, 0)).ToList();
    }
}
