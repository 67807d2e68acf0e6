using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>佣金分析: the merchant reads commission against sales and tries other rates; the admin tries grade thresholds.</summary>
[Collection("browser")]
public class CommissionAnalyticsJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_merchant_reads_the_commission_ratio_by_category_exports_it_and_tries_richer_rates_for_a_past_quarter()
    {
        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000001", MallPortalFactory.DemoPassword, "/merchant");
        await merchant.WaitForInteractiveAsync();
        await merchant.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "佣金分析" }).ClickAsync();
        await merchant.WaitForReadyAsync("commission-analytics");
        // The demo's promoted orders paid commission: the figure and its share of sales are there, with the chart beside the table.
        await Assertions.Expect(merchant.GetByTestId("commission-kpi-commission")).Not.ToHaveTextAsync("¥0.00");
        await Assertions.Expect(merchant.GetByTestId("commission-kpi-ratio")).ToContainTextAsync("%");
        await Assertions.Expect(merchant.GetByTestId("commission-table-grade")).ToContainTextAsync("%");
        await Assertions.Expect(merchant.GetByTestId("commission-category").Locator("canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(merchant.GetByTestId("commission-shop")).ToHaveCountAsync(0); // a shop sees itself, not a ranking of shops
        var csv = await merchant.APIRequest.GetAsync(await merchant.GetByTestId("commission-category").GetByTestId("export-csv").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.Contains("佣金占比", await csv.TextAsync());

        await merchant.GetByTestId("to-what-if").ClickAsync();
        await merchant.WaitForReadyAsync("commission-policy");
        await merchant.GetByTestId("what-if").GetByTestId("sales-period").GetByText("本季").ClickAsync();
        await merchant.GetByTestId("run-what-if").ClickAsync();
        await Assertions.Expect(merchant.GetByTestId("what-if-ratio")).ToContainTextAsync("实际");
        var ratio = await merchant.GetByTestId("what-if-ratio").InnerTextAsync();
        await merchant.Locator("[data-testid=rate-1] input, input[data-testid=rate-1]").FillAsync("20");
        await merchant.Keyboard.PressAsync("Tab");
        await merchant.GetByTestId("run-what-if").ClickAsync();
        await Assertions.Expect(merchant.GetByTestId("what-if-ratio")).Not.ToHaveTextAsync(ratio);
        await Assertions.Expect(merchant.GetByTestId("what-if-levels")).ToContainTextAsync("1级");
    }

    [BrowserFact]
    public async Task The_admin_compares_shops_and_tries_grade_thresholds_seeing_who_would_change_grade()
    {
        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin");
        await admin.WaitForInteractiveAsync();
        await admin.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "佣金分析" }).ClickAsync();
        await admin.WaitForReadyAsync("commission-analytics");
        await Assertions.Expect(admin.GetByTestId("commission-table-shop")).ToContainTextAsync("华南数码旗舰店");

        var silver = admin.GetByTestId("what-if-grade").Filter(new() { HasText = "银牌" });
        await silver.Locator("[data-testid=grade-threshold] input, input[data-testid=grade-threshold]").FillAsync("5000");
        await admin.Keyboard.PressAsync("Tab");
        await admin.GetByTestId("run-what-if").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("what-if-error")).ToContainTextAsync("同门槛"); // 金牌 is at ¥5,000 already
        await silver.Locator("[data-testid=grade-threshold] input, input[data-testid=grade-threshold]").FillAsync("4999");
        await admin.Keyboard.PressAsync("Tab");
        await admin.GetByTestId("run-what-if").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("what-if-error")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.GetByTestId("what-if-tiers")).ToContainTextAsync("名分销员中");
        await Assertions.Expect(admin.GetByTestId("what-if-tiers")).ToContainTextAsync("保留原等级");
        await Assertions.Expect(admin.GetByTestId("what-if-summary")).ToContainTextAsync("实际佣金");
    }
}
