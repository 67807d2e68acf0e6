using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

[Collection("browser")]
public class FoundationJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_shopper_registers_with_a_phone_number_logs_out_and_logs_back_in()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "多商户分销商城" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "注册" }).ClickAsync();
        await page.GetByLabel("手机号或邮箱").FillAsync("139 1234 5678");
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.GetByText("验证码已发送，5 分钟内有效")).ToBeVisibleAsync();
        await page.GetByLabel("验证码").FillAsync(await browser.WaitForSmsCodeAsync("13912345678"));
        await page.GetByLabel("昵称（选填）").FillAsync("小林");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("确认密码").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await Assertions.Expect(page.GetByText("密码至少 8 位")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("昵称（选填）")).ToHaveValueAsync("小林");

        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("linxiao2026");
        await page.GetByLabel("确认密码").FillAsync("linxiao2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("welcome")).ToHaveTextAsync("您好，小林");

        await page.GetByLabel("账户", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        // The logout is a form post back to this address: the old page, still interactive, shows until the welcome goes.
        await Assertions.Expect(page.GetByTestId("welcome")).ToHaveCountAsync(0);
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "登录" }).ClickAsync();
        await page.GetByLabel("手机号或邮箱").FillAsync("13912345678");
        await page.GetByLabel("密码").FillAsync("linxiao2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("welcome")).ToHaveTextAsync("您好，小林");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "多商户分销商城" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("商家中心")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task The_admin_logs_in_and_reaches_the_admin_area_and_its_user_list()
    {
        var page = await browser.NewPageAsync();

        await page.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page).ToHaveURLAsync(browser.BaseUrl + "/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "管理概览" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("count-Merchant")).ToContainTextAsync("2");

        await page.GetByRole(AriaRole.Link, new() { Name = "用户管理" }).ClickAsync();
        await page.WaitForReadyAsync("users");
        await page.GetByPlaceholder("搜索手机号、邮箱或昵称").FillAsync("13800000012");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "二级分销员 李强（王芳邀请）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "消费者 陈静" })).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task A_consumer_who_opens_the_admin_area_is_told_access_is_denied()
    {
        var page = await browser.NewPageAsync();

        await page.LogInAsync("13800000021", MallPortalFactory.DemoPassword, "/admin");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/AccessDenied"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问" })).ToBeVisibleAsync();
    }
}
