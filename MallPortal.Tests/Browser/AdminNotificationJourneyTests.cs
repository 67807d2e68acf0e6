using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

[Collection("browser")]
public class AdminNotificationJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_admin_announces_to_all_merchants_a_merchant_reads_it_and_the_log_hides_codes()
    {
        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin/announcements");
        await admin.WaitForReadyAsync("announcements");
        await Assertions.Expect(admin.GetByText("还没有发送过公告")).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Button, new() { Name = "发送公告" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("公告标题需填写")).ToBeVisibleAsync();
        await admin.GetByLabel("公告标题").FillAsync("双十二大促报名开启");
        await admin.GetByLabel("公告内容").FillAsync("请各商家于 12 月 5 日前在商家中心报名。");
        await admin.GetByRole(AriaRole.Button, new() { Name = "发送公告" }).ClickAsync();
        var confirm = admin.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("公告将发送给全部商家，发送后无法撤回。");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "发送公告" }).ClickAsync();
        // Every merchant of the shared test app: the two demo shops, and any a journey before this one opened.
        await Assertions.Expect(admin.GetByText(new System.Text.RegularExpressions.Regex("公告已发送给 [2-9] 人"))).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Cell, new() { Name = "双十二大促报名开启" })).ToBeVisibleAsync();

        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000002", MallPortalFactory.DemoPassword, "/account/inbox");
        await merchant.WaitForInteractiveAsync();
        await Assertions.Expect(merchant.GetByText("请各商家于 12 月 5 日前在商家中心报名。")).ToBeVisibleAsync();

        var shopper = await browser.NewPageAsync();
        await shopper.GotoAsync("/Account/LoginWithCode");
        await shopper.GetByLabel("手机号").FillAsync("13600009999");
        await shopper.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        var code = await browser.WaitForSmsCodeAsync("13600009999");

        await admin.GotoAsync("/admin/outbox");
        await admin.WaitForInteractiveAsync();
        await Assertions.Expect(admin.GetByText("每页条数：")).ToBeVisibleAsync();
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "13600009999" });
        await Assertions.Expect(row).ToContainTextAsync("******");
        await Assertions.Expect(row).ToContainTextAsync("已发送");
        await Assertions.Expect(row).Not.ToContainTextAsync(code);
    }
}
