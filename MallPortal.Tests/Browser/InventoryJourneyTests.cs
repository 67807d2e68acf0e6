using System.Text.RegularExpressions;
using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

[Collection("browser")]
public class InventoryJourneyTests(BrowserFixture browser)
{
    private const string Code = "DM008-01"; // 钢化膜, a product with one SKU

    [BrowserFact]
    public async Task A_merchant_receives_sets_a_threshold_sees_the_alert_live_and_stocktakes_while_a_shopper_watches_the_stock()
    {
        var shopper = await browser.NewPageAsync();
        await shopper.GotoAsync("/product/8");
        await shopper.WaitForInteractiveAsync();
        var stockText = shopper.GetByTestId("stock");
        var start = int.Parse(Regex.Match(await stockText.InnerTextAsync(), @"\d+").Value);

        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000001", MallPortalFactory.DemoPassword, "/merchant");
        await merchant.WaitForInteractiveAsync();
        var dashboard = await merchant.Context.NewPageAsync();
        await dashboard.GotoAsync("/merchant");
        await dashboard.WaitForInteractiveAsync();

        await merchant.GotoAsync("/merchant/stock");
        await merchant.WaitForReadyAsync("stock");
        await merchant.GetByPlaceholder("搜索商品标题或 SKU 编码").FillAsync(Code);
        await Assertions.Expect(merchant.Locator(".mud-table-body tr")).ToHaveCountAsync(1); // the search has run
        var row = merchant.GetByRole(AriaRole.Row).Filter(new() { HasText = Code });
        await row.GetByRole(AriaRole.Button, new() { Name = "入库" }).ClickAsync();
        await row.GetByLabel("入库数量").FillAsync("5");
        await row.GetByLabel("供应商").FillAsync("东莞膜业");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(stockText).ToHaveTextAsync($"库存 {start + 5} 件");
        // The list reloads with the new figures (after the save and the live update) before the next field is typed.
        await Assertions.Expect(row).ToContainTextAsync((start + 5).ToString());
        await merchant.WaitForTimeoutAsync(300);

        await row.GetByLabel("预警值").FillAsync((start + 4).ToString());
        await row.GetByLabel("预警值").PressAsync("Tab");
        await Assertions.Expect(merchant.GetByText("已保存").First).ToBeVisibleAsync();
        await Assertions.Expect(dashboard.GetByTestId("stock-alert-banner")).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Button, new() { Name = "调整" }).ClickAsync();
        await row.GetByLabel("调整数量（正数增加，负数减少）").FillAsync("-2");
        await row.GetByLabel("调整原因").FillAsync("运输破损");
        await row.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(dashboard.GetByTestId("stock-alert-banner")).ToBeVisibleAsync();
        await Assertions.Expect(stockText).ToHaveTextAsync($"库存 {start + 3} 件");

        await merchant.GotoAsync("/merchant/stocktakes");
        await merchant.WaitForInteractiveAsync();
        await merchant.GetByRole(AriaRole.Button, new() { Name = "新建盘点单" }).ClickAsync();
        await merchant.WaitForReadyAsync("stocktake");
        var line = merchant.GetByTestId("stocktake-line").Filter(new() { HasText = Code });
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await line.GetByLabel("实盘数量").FillAsync((start + 2).ToString());
        await line.GetByLabel("调整原因").FillAsync("盘亏 1 件");
        await merchant.GetByRole(AriaRole.Button, new() { Name = "审核并调整库存" }).ClickAsync();
        await Assertions.Expect(merchant.GetByText("盘点已审核，库存已调整")).ToBeVisibleAsync();
        await Assertions.Expect(line).ToContainTextAsync("-1");
        await Assertions.Expect(stockText).ToHaveTextAsync($"库存 {start + 2} 件");

        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin/stock-reconciliation");
        await Assertions.Expect(admin.GetByTestId("reconciliation")).ToHaveTextAsync("所有 SKU 的库存与流水一致");
    }
}
