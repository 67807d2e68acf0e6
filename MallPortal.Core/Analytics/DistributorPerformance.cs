using MallPortal.Core.Common;

namespace MallPortal.Core.Analytics;

/// <summary>One distributor's figures over a period (in a shop's scope: only that shop's sales).</summary>
public sealed record DistributorPerformanceRow(int DistributorId, string Name, string Region, string Grade, int Orders, int Customers,
    long SalesFen, long RefundFen, long CommissionFen, bool Declining)
{
    public Money Sales => new(SalesFen);

    public Money Commission => new(CommissionFen);

    /// <summary>佣金销售比: what the commission cost per yuan of sales.</summary>
    public int? CommissionRateBp => Ratios.Bp(CommissionFen, SalesFen);
}

/// <summary>分销业绩: the leaderboard, the grades and the regions of a period, and who has been falling.</summary>
public sealed record DistributorBoard(
    IReadOnlyList<DistributorPerformanceRow> Leaders,
    IReadOnlyList<BreakdownRow> ByGrade,
    IReadOnlyList<BreakdownRow> ByRegion,
    IReadOnlyList<DistributorPerformanceRow> Declining);

/// <summary>One distributor's report by month, quarter or year: the trend, the product mix by category and the customers.</summary>
public sealed record DistributorReport(int DistributorId, string Name, string Region, string Grade, Granularity Granularity,
    IReadOnlyList<TrendPoint> Trend, IReadOnlyList<BreakdownRow> Mix, int Customers)
{
    public long SalesFen => Trend.Sum(p => p.SalesFen);

    public long CommissionFen => Trend.Sum(p => p.CommissionFen);
}
