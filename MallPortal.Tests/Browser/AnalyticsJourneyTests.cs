using System.Globalization;
using System.Text.RegularExpressions;
using MallPortal.Core.Common;
using MallPortal.Tests.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace MallPortal.Tests.Browser;

/// <summary>经营分析: the merchant switches to 30 days, clicks the top category's slice, lands on its orders and exports them.</summary>
[Collection("browser")]
public class AnalyticsJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_merchant_clicks_the_top_category_lands_on_its_orders_and_exports_the_same_total()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("13800000001", MallPortalFactory.DemoPassword, "/merchant");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "经营分析" }).ClickAsync();
        await page.WaitForReadyAsync("sales-dashboard");
        await page.GetByTestId("sales-refresh").ClickAsync(); // on demand: today's figures from the orders of the tests before
        await page.GetByTestId("sales-period").GetByText("今日", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("sales-period").GetByText("近30天", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("sales-range")).ToContainTextAsync(ThirtyDays());

        var rows = page.GetByTestId("table-Category").Locator("tbody tr");
        var top = await rows.First.Locator("td").AllInnerTextsAsync();
        var (category, amount) = (top[0], top[2]);
        var share = Yuan(amount) / (await rows.AllAsync()).Select(r => r.Locator("td").Nth(2).InnerTextAsync().Result).Sum(Yuan);
        await page.Locator("#chart-Category canvas").First.WaitForAsync();
        await page.Locator("#chart-Category").ScrollIntoViewIfNeededAsync();
        await page.WaitForTimeoutAsync(1000); // the donut's opening animation
        await ClickSliceAsync(page, "chart-Category", share);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/merchant/analytics/orders\\?dim=Category"));
        await page.WaitForReadyAsync("sales-orders");
        await Assertions.Expect(page.GetByTestId("drill-title")).ToContainTextAsync(category);
        await Assertions.Expect(page.GetByTestId("drill-total")).ToContainTextAsync(amount);

        var csv = await page.APIRequest.GetAsync(await page.GetByTestId("export-csv").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("订单号,支付时间,店铺,商品,件数,金额(元),状态", lines[0]);
        Assert.Equal(Yuan(amount), lines.Skip(1).Sum(l => decimal.Parse(l.Split(',')[5], CultureInfo.InvariantCulture)));

        var xlsx = await page.APIRequest.GetAsync(await page.GetByTestId("export-xlsx").GetAttributeAsync("href") ?? "");
        using var workbook = new MemoryStream(await xlsx.BodyAsync());
        var sheet = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(lines.Length - 1, sheet.Count);
        Assert.Equal(Yuan(amount), sheet.Sum(r => Convert.ToDecimal(r["金额(元)"], CultureInfo.InvariantCulture)));
    }

    [BrowserFact]
    public async Task A_hand_edited_link_with_a_reversed_range_says_so_and_another_shop_s_figures_are_refused()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("13800000001", MallPortalFactory.DemoPassword, "/merchant/analytics/orders?dim=Total&key=&from=2026-12-05&to=2026-11-01");
        await Assertions.Expect(page.GetByTestId("drill-error")).ToHaveTextAsync("开始日期不能晚于结束日期");
        await page.GotoAsync("/merchant/analytics/orders?dim=Total&key=&from=2026-11-01&to=2026-12-05&shop=2");
        await Assertions.Expect(page.GetByTestId("drill-error")).ToHaveTextAsync("您没有执行此操作的权限");
        var export = await page.APIRequest.GetAsync("/analytics/export/orders?dim=Total&key=&from=2026-11-01&to=2026-12-05&shop=2&format=csv");
        Assert.Equal(400, export.Status);
        Assert.Contains("您没有执行此操作的权限", await export.TextAsync());
    }

    /// <summary>A donut's first slice starts at 12 o'clock and runs clockwise: click the middle of its arc, inside the ring.</summary>
    private static async Task ClickSliceAsync(IPage page, string chartId, decimal share)
    {
        var box = (await page.Locator($"#{chartId}").BoundingBoxAsync())!;
        var (cx, cy) = (box.X + box.Width * 0.5f, box.Y + box.Height * 0.45f);
        var radius = Math.Min(box.Width, box.Height) / 2 * 0.54f;
        var angle = (double)share * Math.PI; // half the slice's sweep, in radians
        await page.Mouse.ClickAsync(cx + radius * (float)Math.Sin(angle), cy - radius * (float)Math.Cos(angle));
    }

    private static decimal Yuan(string money) => decimal.Parse(money.Replace("¥", "").Replace(",", ""), CultureInfo.InvariantCulture);

    private static string ThirtyDays()
    {
        var today = DateOnly.FromDateTime(BusinessTimeZone.FromId(null).ToLocal(DateTime.UtcNow));
        return $"{today.AddDays(-29):yyyy-MM-dd} ~ {today:yyyy-MM-dd}";
    }
}
