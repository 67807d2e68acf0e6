using System.Globalization;
using System.Text.Json;
using Bunit;
using MallPortal.Core.Analytics;
using MallPortal.Core.Common;
using MallPortal.Features.Analytics;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MallPortal.Tests.Web;

/// <summary>What the dashboards send to ECharts is what their tables say: the same names, the same amounts to the fen.</summary>
public class SalesChartTests : BunitContext
{
    private static readonly IReadOnlyList<BreakdownRow> Rows =
    [
        new("3", "手机", 2, 2, 2_319_600, 0, 0),
        new("7", "耳机", 3, 4, 99_501, 4_500, 0),
        new("9", "手机配件", 1, 1, 7_001, 0, 0),
    ];

    public SalesChartTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        SetRendererInfo(new RendererInfo("Server", true));
    }

    [Fact]
    public void The_donut_sent_to_ECharts_has_the_names_and_amounts_of_the_table_beside_it()
    {
        var panel = RenderPanel(ranking: false);

        var slices = SentOptions().GetProperty("series")[0].GetProperty("data").EnumerateArray()
            .Select(d => (d.GetProperty("name").GetString()!, Fen(d.GetProperty("value")))).ToList();
        var table = panel.FindAll("[data-testid=table-Category] tbody tr")
            .Select(tr => (tr.Children[0].TextContent.Trim(), tr.Children[2].TextContent.Trim())).ToList();
        Assert.Equal(Rows.Select(r => (r.Name, r.SalesFen)), slices);
        Assert.Equal(Rows.Select(r => (r.Name, new Money(r.SalesFen).ToString())), table);
    }

    [Fact]
    public void A_ranking_draws_the_largest_on_top_and_a_click_on_its_bar_opens_that_row_s_orders()
    {
        var panel = RenderPanel(ranking: true);

        var options = SentOptions();
        var names = options.GetProperty("yAxis").GetProperty("data").EnumerateArray().Select(n => n.GetString()!).ToList();
        var amounts = options.GetProperty("series")[0].GetProperty("data").EnumerateArray().Select(Fen).ToList();
        Assert.Equal(Rows.Reverse().Select(r => (r.Name, r.SalesFen)), names.Zip(amounts, (n, a) => (n, a)));

        panel.InvokeAsync(() => panel.Instance.ChartClicked(Rows.Count - 1)); // the top bar is the last drawn
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "onClick" && (string?)i.Arguments[0] == "chart-Category");
        Assert.EndsWith("/orders?key=3", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void The_trend_sends_one_point_per_bucket_with_sales_refunds_and_orders()
    {
        var points = new List<TrendPoint> { new(new DateOnly(2026, 11, 30), 12_345, 3, 0, 0), new(new DateOnly(2026, 12, 7), 0, 0, 500, 0) };

        var options = JsonSerializer.SerializeToElement(SalesChartOptions.Trend(points, Granularity.Week), Json);

        Assert.Equal(["11-30周", "12-07周"], options.GetProperty("xAxis").GetProperty("data").EnumerateArray().Select(d => d.GetString()));
        var series = options.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal([12_345L, 0L], series[0].GetProperty("data").EnumerateArray().Select(Fen));
        Assert.Equal([0L, 500L], series[1].GetProperty("data").EnumerateArray().Select(Fen));
        Assert.Equal([3, 0], series[2].GetProperty("data").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(1, series[2].GetProperty("yAxisIndex").GetInt32());
    }

    [Fact]
    public void The_commission_ratio_bars_sent_to_ECharts_are_the_ratios_of_the_table_beside_them()
    {
        IReadOnlyList<CommissionRow> rows = [new("3", "手机", 2_319_600, 185_568, 0), new("7", "耳机", 99_501, 7_961, 796), new("9", "手机配件", 0, 0, 0)];
        var panel = Render<CommissionRatioPanel>(p => p.Add(x => x.Id, "category").Add(x => x.Title, "品类").Add(x => x.Rows, rows)
            .Add(x => x.Name, r => r.Name).Add(x => x.ExportHref, "/export?dim=Total"));
        panel.WaitForAssertion(() => Assert.NotEmpty(JSInterop.Invocations["vizorECharts.initChart"]));

        var options = SentOptions();
        var names = options.GetProperty("yAxis").GetProperty("data").EnumerateArray().Select(n => n.GetString()!).ToList();
        var bars = options.GetProperty("series")[0].GetProperty("data").EnumerateArray().Select(d => d.GetDecimal()).ToList();
        var table = panel.FindAll("[data-testid=commission-table-category] tbody tr")
            .Select(tr => (tr.Children[0].TextContent.Trim(), tr.Children[4].TextContent.Trim())).ToList();
        Assert.Equal([("手机配件", 0m), ("耳机", 8m), ("手机", 8m)], names.Zip(bars, (n, b) => (n, b)));
        Assert.Equal([("手机", "8%"), ("耳机", "8%"), ("手机配件", "—")], table);
    }

    [Fact]
    public void The_commission_trend_sends_commission_as_bars_and_its_share_of_sales_on_its_own_axis()
    {
        var points = new List<TrendPoint> { new(new DateOnly(2026, 11, 1), 10_000, 2, 0, 1_234), new(new DateOnly(2026, 12, 1), 0, 0, 0, 0) };

        var series = JsonSerializer.SerializeToElement(CommissionChartOptions.Trend(points, Granularity.Month), Json).GetProperty("series").EnumerateArray().ToList();

        Assert.Equal([1_234L, 0L], series[0].GetProperty("data").EnumerateArray().Select(Fen));
        Assert.Equal([12.34m, 0m], series[1].GetProperty("data").EnumerateArray().Select(d => d.GetDecimal()));
        Assert.Equal(1, series[1].GetProperty("yAxisIndex").GetInt32());
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private IRenderedComponent<BreakdownPanel> RenderPanel(bool ranking)
    {
        var panel = Render<BreakdownPanel>(p => p
            .Add(x => x.Dimension, SalesDimension.Category).Add(x => x.Rows, Rows).Add(x => x.Ranking, ranking)
            .Add(x => x.DrillHref, r => "/orders?key=" + r.Key).Add(x => x.ExportHref, "/export?dim=Category"));
        panel.WaitForAssertion(() => Assert.NotEmpty(JSInterop.Invocations["vizorECharts.initChart"]));
        return panel;
    }

    /// <summary>The options exactly as the chart component handed them to ECharts.</summary>
    private JsonElement SentOptions() =>
        JsonDocument.Parse((string)JSInterop.Invocations["vizorECharts.initChart"].Last().Arguments[3]!).RootElement;

    private static long Fen(JsonElement yuan) => (long)(yuan.GetDecimal() * 100);
}
