using MallPortal.Core.Analytics;
using MallPortal.Resources;
using Vizor.ECharts;

namespace MallPortal.Features.Analytics;

/// <summary>佣金分析's charts, built from the same rows as the tables beside them (amounts in yuan, ratios in percent).</summary>
public static class CommissionChartOptions
{
    /// <summary>Commission by period as bars and its share of sales as a line on its own axis; zoomable along time.</summary>
    public static ChartOptions Trend(IReadOnlyList<TrendPoint> points, Granularity granularity) => SalesChartOptions.OverTime(points, granularity, "%",
        new BarSeries { Name = UiText.CaCommission, Data = points.Select(p => SalesChartOptions.Yuan(p.CommissionFen)).ToArray() },
        new LineSeries { Name = UiText.CaRatio, YAxisIndex = 1, Smooth = true, Data = points.Select(p => Percent(Ratios.Bp(p.CommissionFen, p.SalesFen))).ToArray() });

    /// <summary>Each key's 佣金占比 as horizontal bars, the first row on top.</summary>
    public static ChartOptions ByKey(IReadOnlyList<CommissionRow> rows, Func<CommissionRow, string> name)
    {
        var top = rows.Reverse().ToList();
        return new ChartOptions
        {
            Tooltip = new() { Trigger = TooltipTrigger.Axis, AxisPointer = new() { Type = AxisPointerType.Shadow } },
            Grid = new() { Left = "2%", Right = "10%", Top = 10, Bottom = 10, ContainLabel = true },
            XAxis = new() { Type = AxisType.Value, Name = "%" },
            YAxis = new() { Type = AxisType.Category, Data = top.Select(name).ToList() },
            Series =
            [
                new BarSeries
                {
                    Name = UiText.CaRatio, Data = top.Select(r => Percent(r.RatioBp)).ToArray(),
                    Label = new() { Show = true, Position = LabelPosition.Right },
                },
            ],
        };
    }

    /// <summary>A ratio in percent with two decimals (exact: basis points / 100); no sales reads 0.</summary>
    public static decimal Percent(int? bp) => (bp ?? 0) / 100m;
}
