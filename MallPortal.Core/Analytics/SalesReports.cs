using MallPortal.Core.Common;

namespace MallPortal.Core.Analytics;

/// <summary>A period's headline figures. Gross sales count on the day paid, refunds on the day granted; net is the difference.</summary>
public sealed record SalesKpis(long SalesFen, int Orders, int Buyers, int Units, long RefundFen, int Refunds, long CommissionFen,
    int Visitors, int DistributorOrders)
{
    public static readonly SalesKpis None = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Money Sales => new(SalesFen);

    public Money Refunded => new(RefundFen);

    public Money Net => new(SalesFen - RefundFen);

    /// <summary>客单价: sales per paid order.</summary>
    public Money AverageOrder => new(Orders == 0 ? 0 : Ratios.Divide(SalesFen, Orders));

    public int? RefundRateBp => Ratios.Bp(RefundFen, SalesFen);

    /// <summary>Orders that came through distributors' links per visitor of those links (the visits known), 推广转化率.</summary>
    public int? ConversionBp => Visitors == 0 ? null : Ratios.Bp(DistributorOrders, Visitors);

    public int? CommissionRateBp => Ratios.Bp(CommissionFen, SalesFen);

    public bool IsEmpty => Orders == 0 && Refunds == 0 && Visitors == 0;
}

/// <summary>One bucket of a trend (a day, week, month …) starting on <see cref="Start"/>.</summary>
public sealed record TrendPoint(DateOnly Start, long SalesFen, int Orders, long RefundFen, long CommissionFen)
{
    public Money Sales => new(SalesFen);

    public Money Net => new(SalesFen - RefundFen);
}

/// <summary>One key of a breakdown over a period. <see cref="Name"/> is empty when the page names it (channels, payments).</summary>
public sealed record BreakdownRow(string Key, string Name, int Orders, int Units, long SalesFen, long RefundFen, long CommissionFen)
{
    public Money Sales => new(SalesFen);

    public Money Refunded => new(RefundFen);

    public Money Net => new(SalesFen - RefundFen);
}

/// <summary>The dashboard: the period's figures against 环比 and 同比, its trend and its breakdowns.</summary>
public sealed record SalesOverview(
    SalesScope Scope,
    DateRange Range,
    DateRange Previous,
    SalesKpis Current,
    SalesKpis Before,
    SalesKpis LastYear,
    Granularity Granularity,
    IReadOnlyList<TrendPoint> Trend);

/// <summary>A dashboard's figures fetched together: the overview and each breakdown shown.</summary>
public sealed record SalesDashboardData(SalesOverview Overview, IReadOnlyDictionary<SalesDimension, IReadOnlyList<BreakdownRow>> Breakdowns);
