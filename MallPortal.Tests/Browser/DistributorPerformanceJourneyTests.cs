using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>分销业绩: the merchant ranks its distributors and opens one's report; the distributor sees its own trend and mix.</summary>
[Collection("browser")]
public class DistributorPerformanceJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_merchant_opens_a_distributor_s_report_from_the_leaderboard_and_the_distributor_sees_its_own_trend()
    {
        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000001", MallPortalFactory.DemoPassword, "/merchant");
        await merchant.WaitForInteractiveAsync();
        await merchant.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "分销业绩" }).ClickAsync();
        await merchant.WaitForReadyAsync("distributor-board");
        var wang = merchant.GetByTestId("leader").Filter(new() { HasText = "王芳" });
        await Assertions.Expect(wang).ToContainTextAsync("北京市");
        var sales = await wang.Locator("td").Nth(6).InnerTextAsync();
        await wang.GetByRole(AriaRole.Link, new() { Name = "王芳" }).ClickAsync();
        await merchant.WaitForReadyAsync("distributor-report");
        await Assertions.Expect(merchant.GetByTestId("report-name")).ToHaveTextAsync("王芳");
        await Assertions.Expect(merchant.GetByTestId("report-figures")).ToContainTextAsync(sales);
        await merchant.GetByTestId("granularity").GetByText("按季").ClickAsync();
        await Assertions.Expect(merchant.Locator("#chart-trend canvas").First).ToBeVisibleAsync();

        var distributor = await browser.NewPageAsync();
        await distributor.LogInAsync("13800000011", MallPortalFactory.DemoPassword, "/distributor");
        await distributor.WaitForReadyAsync("distributor-dashboard");
        await Assertions.Expect(distributor.GetByText("我的业绩趋势")).ToBeVisibleAsync();
        await Assertions.Expect(distributor.Locator("#chart-trend canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(distributor.GetByTestId("table-Category")).ToContainTextAsync("智能音箱");
        var mine = await distributor.APIRequest.GetAsync(await distributor.GetByTestId("export-csv").First.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, mine.Status);
        Assert.Contains("销售额(元)", await mine.TextAsync());
        var refused = await distributor.APIRequest.GetAsync("/analytics/export/distributors?dim=Distributor&from=2026-11-01&to=2026-12-05&format=csv",
            new() { MaxRedirects = 0 });
        Assert.Contains(refused.Status, new[] { 302, 403 }); // a distributor is not a merchant: sent to 访问被拒绝
    }
}
