using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>
/// The demo's 吴昊 ordered on 王芳's phone: 王芳 sees one commission under review and one voided with its reason; the admin
/// finds the held one from the navigation, is asked for a reason before voiding, and releases it; 王芳's ledger follows live.
/// </summary>
[Collection("browser")]
public class CommissionHoldJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_admin_reviews_a_held_commission_and_the_distributor_sees_the_outcome_live()
    {
        var wang = await browser.NewPageAsync();
        await wang.LogInAsync("13800000011", MallPortalFactory.DemoPassword, "/distributor/income");
        await wang.WaitForReadyAsync("income");
        var held = wang.GetByTestId("income-row").Filter(new() { Has = wang.GetByText("风控审核中") });
        await Assertions.Expect(held).ToHaveCountAsync(1);
        await Assertions.Expect(held.GetByTestId("commission-hold-reason")).ToHaveTextAsync("买家与分销员近期在同一设备或网络登录");
        var voided = wang.GetByTestId("income-row").Filter(new() { Has = wang.GetByTestId("commission-hold").GetByText("已作废") });
        await Assertions.Expect(voided.GetByTestId("commission-hold-reason")).ToContainTextAsync("经核实为分销员本人代下单");
        await Assertions.Expect(voided.GetByTestId("commission-status")).ToHaveTextAsync("已失效");

        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin");
        await admin.WaitForAddressAsync("/admin$");
        await admin.WaitForInteractiveAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "佣金风控审核" }).ClickAsync();
        await admin.WaitForReadyAsync("commission-holds");
        var row = admin.GetByTestId("hold-row").Filter(new() { HasText = "王芳" }).First;
        await Assertions.Expect(row.GetByTestId("hold-reasons")).ToContainTextAsync("同一设备或网络");
        await Assertions.Expect(row).ToContainTextAsync("吴昊");

        await row.GetByRole(AriaRole.Button, new() { Name = "作废" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("reason")).ToBeVisibleAsync();
        await admin.GetByTestId("reason-submit").ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-dialog").GetByText("请填写原因")).ToBeVisibleAsync();
        await admin.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "返回" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "放行" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("已放行，佣金将按售后期正常结算")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("hold-row")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.GetByText("没有需要审核的佣金")).ToBeVisibleAsync();
        await admin.GetByTestId("hold-filter").GetByText("已放行").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("hold-row").Filter(new() { HasText = "王芳" })).ToHaveCountAsync(1);

        // No reload: the release reaches 王芳's ledger as it commits.
        await Assertions.Expect(held).ToHaveCountAsync(0);
    }
}
