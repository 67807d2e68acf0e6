using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

[Collection("browser")]
public class DistributionJourneyTests(BrowserFixture browser)
{
    private const string Applicant = "13700003333";
    private const string Buyer = "13700004444";
    private const string Recruit = "13700005555";
    private const int Product = 13; // 声海 Home 智能音箱, one SKU

    [BrowserFact]
    public async Task A_consumer_becomes_a_distributor_shares_a_product_sees_a_buyer_arrive_live_and_invites_a_team_member()
    {
        var distributor = await browser.NewPageAsync();
        await AccountJourneyTests.LogInBySmsAsync(browser, distributor, Applicant);
        await ApplyAsync(distributor, "孙悦", idNumber: "110105198803151233", invite: null);
        await Assertions.Expect(distributor.GetByText("身份证号码无效").First).ToBeVisibleAsync();
        await distributor.GetByLabel("身份证号码").FillAsync("110105198803151232");
        await distributor.GetByTestId("submit-application").ClickAsync();
        await Assertions.Expect(distributor.GetByTestId("application-state")).ToContainTextAsync("已提交");

        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin/distributor-applications");
        await ApproveAsync(admin, "孙悦");

        // The role reaches the applicant's cookie at its next check: no signing out.
        await Task.Delay(2500);
        await distributor.GotoAsync($"/product/{Product}");
        await distributor.WaitForReadyAsync("buy-box");
        await distributor.GetByTestId("promote").ClickAsync();
        var url = await distributor.Locator("input[data-testid=share-url], [data-testid=share-url] input").InputValueAsync();
        Assert.Matches(@"/r/[2-9A-Z]{7}$", url);
        var qr = await DownloadAsync(distributor, "download-qr");
        var poster = await DownloadAsync(distributor, "download-poster");
        Assert.Equal(0x89, qr[0]);
        Assert.True(poster.Length > qr.Length, "the poster carries the picture and the QR code");
        await distributor.Keyboard.PressAsync("Escape");

        await distributor.GotoAsync("/distributor");
        await distributor.WaitForReadyAsync("distributor-dashboard");
        var today = distributor.GetByTestId("today");
        await Assertions.Expect(today.Locator("[data-figure=clicks]")).ToHaveTextAsync("0");

        // A friend opens the link in WeChat on a phone (a headless browser's own agent counts as a bot and is not counted).
        var friend = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN", UserAgent = BrowserFixture.WeChatOnAPhone });
        friend.SetDefaultTimeout(15_000);
        var buyer = await friend.NewPageAsync();
        await buyer.GotoAsync(new Uri(url).PathAndQuery);
        await buyer.WaitForAddressAsync($"/product/{Product}$");
        await Assertions.Expect(today.Locator("[data-figure=clicks]")).ToHaveTextAsync("1");
        await AccountJourneyTests.LogInBySmsAsync(browser, buyer, Buyer);
        await Assertions.Expect(today.Locator("[data-figure=registrations]")).ToHaveTextAsync("1");
        await buyer.GotoAsync($"/product/{Product}");
        await OrderJourneyTests.BuyNowAsync(buyer, "在线支付（沙箱）");
        await Assertions.Expect(today.Locator("[data-figure=orders]")).ToHaveTextAsync("1");
        await Assertions.Expect(distributor.GetByTestId("promoted-order").First).ToContainTextAsync("未支付");
        await buyer.GetByTestId("sandbox-pay").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
        await Assertions.Expect(distributor.GetByTestId("promoted-order").First).ToContainTextAsync("已支付");
        await Assertions.Expect(today.Locator("[data-figure=paid]")).Not.ToHaveTextAsync("¥0.00");

        await distributor.GotoAsync("/distributor/invite");
        await distributor.WaitForReadyAsync("invite");
        var invite = await distributor.Locator("input[data-testid=invite-url], [data-testid=invite-url] input").InputValueAsync();
        var recruit = await browser.NewPageAsync();
        await AccountJourneyTests.LogInBySmsAsync(browser, recruit, Recruit);
        await recruit.GotoAsync(new Uri(invite).PathAndQuery);
        await recruit.WaitForAddressAsync("/account/become-distributor\\?invite=");
        await recruit.WaitForReadyAsync("become-distributor");
        await Assertions.Expect(recruit.GetByText("邀请人：孙悦")).ToBeVisibleAsync();
        await ApplyAsync(recruit, "钱多多", idNumber: "310115199207082466", invite: "");
        await Assertions.Expect(recruit.GetByTestId("application-state")).ToContainTextAsync("已提交");
        await ApproveAsync(admin, "钱多多");

        await distributor.GotoAsync("/distributor/team");
        await Assertions.Expect(distributor.GetByTestId("team").GetByText("钱多多")).ToBeVisibleAsync();
        await Assertions.Expect(distributor.GetByTestId("team-summary")).ToContainTextAsync("一级 1 人");
    }

    [BrowserFact]
    public async Task The_distributor_pages_fit_a_phone_screen()
    {
        var phone = await browser.NewPageAsync(phone: true);
        await phone.LogInAsync("13800000011", MallPortalFactory.DemoPassword, "/distributor");
        foreach (var (path, ready) in new[] { ("/distributor", "distributor-dashboard"), ("/distributor/links", "links"), ("/distributor/orders", "promoted-orders"),
                     ("/distributor/income", "income"),
                     ("/distributor/invite", "invite"), ("/distributor/profile", "distributor-profile") })
        {
            await phone.GotoAsync(path);
            await phone.WaitForReadyAsync(ready);
            // Wide tables scroll inside their cards; the page itself must not scroll sideways (compare with the screen).
            var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, screen.width]");
            Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide on a {widths[1]} px screen");
        }
        await phone.GotoAsync("/distributor/team");
        await Assertions.Expect(phone.GetByTestId("team").GetByText("李强")).ToBeVisibleAsync();
        var team = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, screen.width]");
        Assert.True(team[0] <= team[1], $"/distributor/team is {team[0]} px wide on a {team[1]} px screen");
    }

    /// <summary>Fills the individual application and submits it; <paramref name="invite"/> "" keeps the code the link filled in.</summary>
    private static async Task ApplyAsync(IPage page, string name, string idNumber, string? invite)
    {
        if (invite is null)
        {
            await page.GotoAsync("/account/become-distributor");
            await page.WaitForReadyAsync("become-distributor");
        }
        await page.GetByLabel("真实姓名").FillAsync(name);
        await page.GetByLabel("身份证号码").FillAsync(idNumber);
        await page.GetByLabel("联系电话").FillAsync(Applicant);
        await AccountJourneyTests.PickAsync(page, page.GetByTestId("province"), "浙江省");
        await page.GetByLabel("申请理由").FillAsync("经常在朋友圈分享好物，想系统地做推广。");
        await page.GetByTestId("submit-application").ClickAsync();
    }

    private static async Task ApproveAsync(IPage admin, string name)
    {
        await admin.GotoAsync("/admin/distributor-applications");
        await admin.WaitForReadyAsync("distributor-applications");
        var application = admin.GetByTestId("distributor-application").Filter(new() { HasText = name });
        await application.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("distributor-application").Filter(new() { HasText = name })).ToHaveCountAsync(0);
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        Assert.Null(await download.FailureAsync());
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        await download.SaveAsAsync(path);
        try
        {
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
