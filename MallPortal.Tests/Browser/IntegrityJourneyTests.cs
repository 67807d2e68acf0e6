using System.Text.RegularExpressions;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>数据完整性检查: the admin runs the check from the back office, sees a stock count that left its ledger named, and the check clear once it is put back.</summary>
[Collection("browser")]
public class IntegrityJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_admin_runs_the_check_and_finds_stock_that_left_its_ledger()
    {
        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin");
        await admin.WaitForInteractiveAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "数据完整性检查" }).ClickAsync();
        await admin.WaitForReadyAsync("integrity");
        await Assertions.Expect(admin.GetByTestId("empty-state")).ToContainTextAsync("尚未检查");

        await admin.GetByTestId("integrity-run").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("integrity-result")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("integrity-rule")).ToHaveCountAsync(Enum.GetValues<IntegrityRule>().Length);
        await Assertions.Expect(admin.GetByTestId("integrity-run")).ToHaveTextAsync("重新检查");

        var skuId = await ChangeStockBehindTheLedgerAsync(+3);
        try
        {
            await admin.GetByTestId("integrity-run").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("integrity-result")).ToContainTextAsync("处不一致");
            var stockRule = admin.GetByTestId("integrity-rule").Filter(new() { HasText = "库存与流水" });
            await Assertions.Expect(stockRule).ToContainTextAsync(new Regex(@"\d+ 处"));
            var finding = admin.GetByTestId("integrity-violations").Locator("tr").Filter(new() { HasText = $"SKU {skuId}" });
            await Assertions.Expect(finding).ToContainTextAsync("流水合计");
        }
        finally
        {
            await ChangeStockBehindTheLedgerAsync(-3, skuId);
        }

        await admin.GetByTestId("integrity-run").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("integrity-violations").Locator("tr").Filter(new() { HasText = $"SKU {skuId}" }))
            .ToHaveCountAsync(0);
    }

    /// <summary>What a bug or a half-written restore could leave: a stock count changed without its movement row.</summary>
    private async Task<int> ChangeStockBehindTheLedgerAsync(int by, int? skuId = null)
    {
        await using var db = await browser.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var id = skuId ?? await db.StockItems.OrderByDescending(s => s.SkuId).Select(s => s.SkuId).FirstAsync();
        await db.StockItems.Where(s => s.SkuId == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.OnHand, s => s.OnHand + by));
        return id;
    }
}
