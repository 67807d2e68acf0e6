using MallPortal.Tests.Accounts;
using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

[Collection("browser")]
public class AccountJourneyTests(BrowserFixture browser)
{
    private const string Phone = "13700001234";

    [BrowserFact]
    public async Task A_shopper_signs_up_by_SMS_fills_in_the_profile_and_addresses_sets_a_password_and_comes_back_by_SMS()
    {
        var page = await browser.NewPageAsync();
        await LogInBySmsAsync(page);
        await Assertions.Expect(page.GetByTestId("welcome")).ToHaveTextAsync("您好，用户1234");

        await page.GotoAsync("/account");
        await page.WaitForReadyAsync("profile");
        await page.GetByLabel("昵称").FillAsync("林小雨");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByText("已保存").First).ToBeVisibleAsync();
        await page.GetByLabel("账户", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("林小雨");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "me.png", MimeType = "image/png", Buffer = ProfileServiceTests.Png(400, 300),
        });
        await Assertions.Expect(page.GetByTestId("avatar").Locator("img")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/files/avatars/.+\\.jpg$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "收货地址" }).ClickAsync();
        await Assertions.Expect(page.GetByText("还没有收货地址")).ToBeVisibleAsync();
        await AddAddressAsync(page, "林小雨", "广东省", "深圳市", "南山区", "科技园科苑路 15 号");
        await AddAddressAsync(page, "林小雨", "北京市", "北京市", "朝阳区", "建国路 88 号");
        var addresses = page.GetByTestId("address");
        await Assertions.Expect(addresses).ToHaveCountAsync(2);
        await Assertions.Expect(addresses.First).ToContainTextAsync("广东省深圳市南山区");
        await Assertions.Expect(addresses.First.GetByTestId("default-chip")).ToBeVisibleAsync();
        await addresses.Nth(1).GetByRole(AriaRole.Button, new() { Name = "设为默认" }).ClickAsync();
        await Assertions.Expect(addresses.First).ToContainTextAsync("北京市朝阳区建国路 88 号");
        await Assertions.Expect(addresses.First.GetByTestId("default-chip")).ToBeVisibleAsync();

        // The inbox is open in a second tab; the password change must show up there without a reload.
        var inbox = await page.Context.NewPageAsync();
        await inbox.GotoAsync("/account/inbox");
        await inbox.WaitForInteractiveAsync();
        await Assertions.Expect(inbox.GetByText("欢迎加入 MallPortal")).ToBeVisibleAsync();

        await page.GotoAsync("/Account/Manage/ChangePassword");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "设置登录密码" })).ToBeVisibleAsync();
        await page.GetByLabel("新密码").FillAsync("xiaoyu2026");
        await page.GetByLabel("确认密码").FillAsync("xiaoyu2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByText("密码已修改")).ToBeVisibleAsync();

        await Assertions.Expect(inbox.GetByText("登录密码已修改")).ToBeVisibleAsync();
        await Assertions.Expect(inbox.GetByTestId("inbox-badge")).ToContainTextAsync("2");

        await inbox.GetByLabel("账户", new() { Exact = true }).ClickAsync();
        await inbox.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        // The logout is a form post that lands on the home page; until then the inbox (interactive, without a welcome) is shown.
        await inbox.WaitForAddressAsync("//[^/]+/$");
        await inbox.WaitForInteractiveAsync();
        await Assertions.Expect(inbox.GetByTestId("welcome")).ToHaveCountAsync(0);
        await LogInBySmsAsync(inbox);
        await Assertions.Expect(inbox.GetByTestId("welcome")).ToHaveTextAsync("您好，林小雨");
    }

    private Task LogInBySmsAsync(IPage page) => LogInBySmsAsync(browser, page, Phone);

    internal static async Task LogInBySmsAsync(BrowserFixture browser, IPage page, string phone)
    {
        var previous = browser.LastCodeTo(phone);
        await page.GotoAsync("/Account/LoginWithCode");
        await page.GetByLabel("手机号").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.GetByText("验证码已发送")).ToBeVisibleAsync();
        await page.GetByLabel("验证码").FillAsync(await browser.WaitForSmsCodeAsync(phone, notThis: previous));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForInteractiveAsync();
    }

    private static async Task AddAddressAsync(IPage page, string name, string province, string city, string district, string detail)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "新增收货地址" }).ClickAsync();
        var editor = page.GetByTestId("address-editor");
        await editor.GetByLabel("收货人").FillAsync(name);
        await editor.GetByLabel("手机号").FillAsync(Phone);
        await PickAsync(page, editor.GetByTestId("province"), province);
        await PickAsync(page, editor.GetByTestId("city"), city);
        await PickAsync(page, editor.GetByTestId("district"), district);
        await editor.GetByLabel("详细地址").FillAsync(detail);
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(editor).ToHaveCountAsync(0);
    }

    internal static async Task PickAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
