using MallPortal.Tests.Accounts;
using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

[Collection("browser")]
public class CatalogJourneyTests(BrowserFixture browser)
{
    private const string Owner = "13500001111";

    [BrowserFact]
    public async Task A_shop_is_applied_for_approved_and_stocked_and_a_shopper_finds_and_prices_its_product()
    {
        var applicant = await browser.NewPageAsync();
        await AccountJourneyTests.LogInBySmsAsync(browser, applicant, Owner);
        await applicant.GotoAsync("/account/open-shop");
        await applicant.WaitForReadyAsync("open-shop");
        await applicant.GetByLabel("店铺名称").FillAsync("潮玩星球");
        await applicant.GetByLabel("联系人").FillAsync("王磊");
        await applicant.GetByLabel("联系电话").FillAsync(Owner);
        await applicant.GetByLabel("统一社会信用代码").FillAsync("91350100M000100Y44");
        await applicant.Locator("input[type=file]").SetInputFilesAsync(Png("licence.png"));
        await Assertions.Expect(applicant.GetByRole(AriaRole.Button, new() { Name = "licence.png" })).ToBeVisibleAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(applicant.GetByText("统一社会信用代码不正确").First).ToBeVisibleAsync();
        await applicant.GetByLabel("统一社会信用代码").FillAsync("91350100M000100Y43");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("application-state")).ToContainTextAsync("正在审核");

        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin/merchant-applications");
        await admin.WaitForReadyAsync("applications");
        var application = admin.GetByTestId("application").Filter(new() { HasText = "潮玩星球" });
        await application.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("已通过审核").First).ToBeVisibleAsync();

        var merchant = await browser.NewPageAsync();
        await AccountJourneyTests.LogInBySmsAsync(browser, merchant, Owner);
        await merchant.GotoAsync("/merchant/products/new");
        await merchant.WaitForReadyAsync("product-editor");
        // The description editor takes the focus when its script has loaded: text typed into the title meanwhile lands in it.
        await merchant.Locator(".rich-editor [contenteditable=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await merchant.GetByLabel("商品标题").FillAsync("潮玩星球 限定盲盒睡衣");
        await AccountJourneyTests.PickAsync(merchant, merchant.GetByTestId("category"), "食品茶饮 / 茶叶 / 红茶");
        await merchant.GetByRole(AriaRole.Button, new() { Name = "添加规格" }).ClickAsync();
        await merchant.GetByRole(AriaRole.Button, new() { Name = "添加规格" }).ClickAsync();
        await merchant.GetByLabel("规格名（如 颜色）").Nth(0).FillAsync("颜色");
        await merchant.GetByLabel("规格值，用逗号分隔（如 红,蓝）").Nth(0).FillAsync("红,蓝");
        await merchant.GetByLabel("规格名（如 颜色）").Nth(1).FillAsync("尺码");
        await merchant.GetByLabel("规格值，用逗号分隔（如 红,蓝）").Nth(1).FillAsync("M,L");
        await merchant.GetByRole(AriaRole.Button, new() { Name = "生成 SKU" }).ClickAsync();
        var rows = merchant.GetByTestId("sku-row");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        for (var i = 0; i < 4; i++)
        {
            await rows.Nth(i).GetByLabel("SKU 编码").FillAsync($"CW-{i + 1}");
            await rows.Nth(i).GetByLabel("售价（元）").FillAsync(i == 3 ? "120" : "100");
            await rows.Nth(i).GetByLabel("促销价（元）").FillAsync(i == 3 ? "102" : "85");
            await rows.Nth(i).GetByLabel("库存").FillAsync((5 + i).ToString());
        }
        await merchant.GetByRole(AriaRole.Button, new() { Name = "保存并上架" }).ClickAsync();
        await Assertions.Expect(merchant.GetByTestId("editor-error")).ToContainTextAsync("请至少上传一张商品主图");
        await Assertions.Expect(merchant.GetByLabel("商品标题")).ToHaveValueAsync("潮玩星球 限定盲盒睡衣");
        await merchant.Locator("input[type=file]").SetInputFilesAsync(Png("main.png"));
        await Assertions.Expect(merchant.GetByTestId("editor-image")).ToHaveCountAsync(1);

        var body = merchant.Locator(".rich-editor [contenteditable=true]");
        await body.Locator("p").First.ClickAsync();
        await merchant.Keyboard.TypeAsync("亲肤面料 限量发售");
        await body.Locator("p").First.SelectTextAsync();
        await Task.Delay(300); // the editor takes over the browser selection on its next tick
        await merchant.Locator(".rich-editor [data-menu-key=bold]").ClickAsync();
        await Assertions.Expect(body.Locator("strong")).ToHaveTextAsync("亲肤面料 限量发售");
        // Put the caret after the bold line (a click, as a person would), then start a new paragraph for the picture.
        var bold = await body.Locator("strong").BoundingBoxAsync();
        await merchant.Mouse.ClickAsync(bold!.X + bold.Width - 1, bold.Y + bold.Height / 2);
        await merchant.Keyboard.PressAsync("End");
        await merchant.Keyboard.PressAsync("Enter");
        var upload = merchant.Locator(".rich-editor [data-menu-key=uploadImage]");
        await Assertions.Expect(upload).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("disabled"), new() { Timeout = 3000 });
        var chooser = await merchant.RunAndWaitForFileChooserAsync(() => upload.ClickAsync());
        await chooser.SetFilesAsync(Png("detail.png"));
        await Assertions.Expect(body.Locator("img")).ToHaveCountAsync(1);
        await merchant.GetByRole(AriaRole.Button, new() { Name = "保存并上架" }).ClickAsync();
        await Assertions.Expect(merchant.GetByText("潮玩星球 限定盲盒睡衣")).ToBeVisibleAsync();
        await Assertions.Expect(merchant.GetByTestId("product-status").First).ToHaveTextAsync("出售中");

        var shopper = await browser.NewPageAsync();
        await shopper.GotoAsync("/");
        await shopper.WaitForReadyAsync("home-categories");
        await shopper.GetByTestId("home-categories").GetByText("红茶", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(shopper.GetByRole(AriaRole.Heading, new() { Name = "红茶" })).ToBeVisibleAsync();
        await Assertions.Expect(shopper.GetByTestId("product-tile")).ToHaveCountAsync(3);
        await Assertions.Expect(shopper.GetByTestId("product-tile").Filter(new() { HasText = "限定盲盒睡衣" })).ToBeVisibleAsync();
        await shopper.GetByPlaceholder("搜索商品", new() { Exact = true }).FillAsync("盲盒");
        await shopper.GetByPlaceholder("搜索商品", new() { Exact = true }).PressAsync("Enter");
        await Assertions.Expect(shopper.GetByRole(AriaRole.Heading, new() { Name = "“盲盒”的搜索结果" })).ToBeVisibleAsync();
        var tile = shopper.GetByTestId("product-tile").Filter(new() { HasText = "限定盲盒睡衣" });
        await Assertions.Expect(tile).ToContainTextAsync("8.5折");
        await tile.ClickAsync();
        await shopper.WaitForReadyAsync("buy-box");
        var price = shopper.GetByTestId("price");
        await Assertions.Expect(price.Locator(".money.original")).ToHaveTextAsync("¥100.00");
        await Assertions.Expect(price.Locator(".money.promo")).ToHaveTextAsync("¥85.00");
        await Assertions.Expect(shopper.GetByTestId("description").Locator("strong")).ToContainTextAsync("亲肤面料");
        await Assertions.Expect(shopper.GetByTestId("description").Locator("img")).ToHaveCountAsync(1);
        await shopper.GetByTestId("sku-option").Filter(new() { HasText = "蓝" }).ClickAsync();
        await shopper.GetByTestId("sku-option").Filter(new() { HasText = "L" }).ClickAsync();
        await Assertions.Expect(price.Locator(".money.promo")).ToHaveTextAsync("¥102.00");
        await Assertions.Expect(price.Locator(".money.original")).ToHaveTextAsync("¥120.00");
        await Assertions.Expect(shopper.GetByTestId("stock")).ToHaveTextAsync("库存 8 件");
        await shopper.GetByTestId("sku-option").Filter(new() { HasText = "红" }).ClickAsync();
        await shopper.GetByTestId("sku-option").Filter(new() { HasText = "M" }).ClickAsync();
        await Assertions.Expect(shopper.GetByTestId("stock")).ToHaveTextAsync("库存 5 件");
    }

    private static FilePayload Png(string name) => new() { Name = name, MimeType = "image/png", Buffer = ProfileServiceTests.Png(600, 600) };
}
