using MallPortal.Core.Analytics;
using MallPortal.Resources;
using Vizor.ECharts;

namespace MallPortal.Features.Analytics;

/// <summary>
/// The ECharts options of the dashboards, built from the same rows as the tables beside them (amounts in yuan, exact to
/// the fen). Kept apart from the components so a test can compare what ECharts is sent with the table.
/// </summary>
public static class SalesChartOptions
{
    /// <summary>销售趋势: sales and refunds as lines, orders as bars on their own axis; zoomable along time.</summary>
    public static ChartOptions Trend(IReadOnlyList<TrendPoint> points, Granularity granularity) => OverTime(points, granularity, UiText.SalesOrders,
        new LineSeries { Name = UiText.SalesGross, Smooth = true, Data = points.Select(p => Yuan(p.SalesFen)).ToArray() },
        new LineSeries { Name = UiText.SalesRefunded, Smooth = true, Data = points.Select(p => Yuan(p.RefundFen)).ToArray() },
        new BarSeries { Name = UiText.SalesOrders, YAxisIndex = 1, Data = points.Select(p => p.Orders).ToArray() });

    /// <summary>A chart along the trend's buckets with a yuan axis and a second one, a legend, a tooltip and zoom.</summary>
    public static ChartOptions OverTime(IReadOnlyList<TrendPoint> points, Granularity granularity, string secondAxis, params ISeries[] series) => new()
    {
        Tooltip = new() { Trigger = TooltipTrigger.Axis },
        Legend = new() { Top = 0 },
        Grid = new() { Left = "2%", Right = "2%", Top = 40, Bottom = 60, ContainLabel = true },
        XAxis = new() { Type = AxisType.Category, Data = points.Select(p => SalesLabels.Bucket(p.Start, granularity)).ToList() },
        YAxisList = [new YAxis { Type = AxisType.Value, Name = UiText.SalesYuan }, new YAxis { Type = AxisType.Value, Name = secondAxis }],
        DataZoom = [new SliderDataZoom { Start = 0, End = 100, Bottom = 10 }, new InsideDataZoom { Start = 0, End = 100 }],
        Series = [.. series],
    };

    /// <summary>A share of sales as a donut; a click on a slice opens its orders.</summary>
    public static ChartOptions Share(SalesDimension dimension, IReadOnlyList<BreakdownRow> rows) => new()
    {
        Tooltip = new() { Trigger = TooltipTrigger.Item, Formatter = "{b}: ¥{c} ({d}%)" },
        Legend = new() { Type = LegendType.Scroll, Bottom = 0 },
        Series =
        [
            new PieSeries
            {
                Name = SalesLabels.Of(dimension), Radius = new CircleRadius("40%", "68%"), Center = new CircleCenter("50%", "45%"),
                Data = rows.Select(r => new PieSeriesData { Name = SalesLabels.Name(dimension, r), Value = (double)Yuan(r.SalesFen) }).ToList(),
            },
        ],
    };

    /// <summary>A ranking as horizontal bars, the largest on top; a click on a bar opens its orders.</summary>
    public static ChartOptions Ranking(SalesDimension dimension, IReadOnlyList<BreakdownRow> rows)
    {
        var top = rows.Reverse().ToList();
        return new ChartOptions
        {
            Tooltip = new() { Trigger = TooltipTrigger.Axis, AxisPointer = new() { Type = AxisPointerType.Shadow } },
            Grid = new() { Left = "2%", Right = "8%", Top = 10, Bottom = 10, ContainLabel = true },
            XAxis = new() { Type = AxisType.Value },
            YAxis = new() { Type = AxisType.Category, Data = top.Select(r => Short(SalesLabels.Name(dimension, r))).ToList() },
            Series =
            [
                new BarSeries
                {
                    Name = UiText.SalesGross, Data = top.Select(r => Yuan(r.SalesFen)).ToArray(),
                    Label = new() { Show = true, Position = LabelPosition.Right },
                },
            ],
        };
    }

    /// <summary>订单状态分布 as a donut of order counts.</summary>
    public static ChartOptions Statuses(IReadOnlyList<StatusCount> counts) => new()
    {
        Tooltip = new() { Trigger = TooltipTrigger.Item, Formatter = "{b}: {c} ({d}%)" },
        Legend = new() { Type = LegendType.Scroll, Bottom = 0 },
        Series =
        [
            new PieSeries
            {
                Name = UiText.SalesStatuses, Radius = new CircleRadius("40%", "68%"), Center = new CircleCenter("50%", "45%"),
                Data = counts.Where(c => c.Orders > 0).Select(c => new PieSeriesData { Name = Core.Orders.OrderText.Status(c.Status), Value = c.Orders }).ToList(),
            },
        ],
    };

    /// <summary>The row a click on a ranking's bar stands for (the bars are drawn bottom-up).</summary>
    public static int RankingRow(int dataIndex, int rowCount) => rowCount - 1 - dataIndex;

    public static decimal Yuan(long fen) => fen / 100m;

    private static string Short(string name) => name.Length <= 14 ? name : name[..13] + "…";
}
