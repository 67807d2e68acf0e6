using MallPortal.Tests.Support;
using MallPortal.Core.Distribution.Commissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

[Collection("browser")]
public class CommissionJourneyTests(BrowserFixture browser)
{
    private const string Buyer = "13700006666";
    private const int Product = 13; // 声海 Home 智能音箱, sold by 华南数码旗舰店 (13800000001)

    [BrowserFact]
    public async Task A_merchant_sets_a_two_level_policy_and_a_sale_through_the_chain_shows_estimated_commission_to_both_distributors_live()
    {
        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000001", MallPortalFactory.DemoPassword, "/merchant/commission");
        await merchant.WaitForReadyAsync("commission-policy");
        await merchant.Locator("[data-testid=rate-1] input, input[data-testid=rate-1]").FillAsync("28");
        await merchant.Keyboard.PressAsync("Tab");
        await merchant.Locator("[data-testid=rate-2] input, input[data-testid=rate-2]").FillAsync("6");
        await merchant.Keyboard.PressAsync("Tab");
        await merchant.GetByTestId("save-policy").ClickAsync();
        await Assertions.Expect(merchant.GetByText("不能超过平台单笔上限 30%").First).ToBeVisibleAsync();
        await merchant.Locator("[data-testid=rate-1] input, input[data-testid=rate-1]").FillAsync("12");
        await merchant.Keyboard.PressAsync("Tab");
        await merchant.GetByTestId("save-policy").ClickAsync();
        await Assertions.Expect(merchant.GetByText("已保存").First).ToBeVisibleAsync();
        await Assertions.Expect(merchant.GetByTestId("policy-example")).ToContainTextAsync("1级 ¥12.00，2级 ¥6.00");
        // The demo's promoted orders of the last 30 days, recomputed at 12 % / 6 % beside what they cost at 8 % / 3 %.
        await merchant.GetByTestId("run-what-if").ClickAsync();
        await Assertions.Expect(merchant.GetByTestId("what-if-summary")).ToContainTextAsync("按新比例");
        // A richer 银牌 tier (王芳's grade) tried beside the shop's rates costs more on her promoted lines; nothing is saved.
        var summary = await merchant.GetByTestId("what-if-summary").InnerTextAsync();
        await merchant.GetByText("等级阶梯试算（可选）").ClickAsync();
        var silver = merchant.GetByTestId("what-if-grade").Filter(new() { HasText = "银牌" });
        await silver.Locator("[data-testid=grade-rate-1] input, input[data-testid=grade-rate-1]").FillAsync("20");
        await merchant.Keyboard.PressAsync("Tab");
        await merchant.GetByTestId("run-what-if").ClickAsync();
        await Assertions.Expect(merchant.GetByTestId("what-if-summary")).Not.ToHaveTextAsync(summary);

        var li = await browser.NewPageAsync();
        await li.LogInAsync("13800000012", MallPortalFactory.DemoPassword, $"/product/{Product}");
        await li.WaitForReadyAsync("buy-box");
        await li.GetByTestId("promote").ClickAsync();
        var url = await li.Locator("input[data-testid=share-url], [data-testid=share-url] input").InputValueAsync();
        await li.Keyboard.PressAsync("Escape");
        await li.GotoAsync("/distributor/income");
        await li.WaitForReadyAsync("income");
        var wang = await browser.NewPageAsync();
        await wang.LogInAsync("13800000011", MallPortalFactory.DemoPassword, "/distributor/income");
        await wang.WaitForReadyAsync("income");
        var liEstimated = await li.GetByTestId("balance-estimated").InnerTextAsync();

        var friend = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN", UserAgent = BrowserFixture.WeChatOnAPhone });
        friend.SetDefaultTimeout(15_000);
        var buyer = await friend.NewPageAsync();
        await buyer.GotoAsync(new Uri(url).PathAndQuery);
        await buyer.WaitForAddressAsync($"/product/{Product}$");
        await AccountJourneyTests.LogInBySmsAsync(browser, buyer, Buyer);
        await buyer.GotoAsync($"/product/{Product}");
        await OrderJourneyTests.BuyNowAsync(buyer, "在线支付（沙箱）");
        await buyer.GetByTestId("sandbox-pay").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");

        // No reload: the payment's commission reaches both income pages as it commits.
        var liRow = li.GetByTestId("income-row").First;
        await Assertions.Expect(liRow).ToContainTextAsync("1级");
        await Assertions.Expect(liRow).ToContainTextAsync("12%");
        await Assertions.Expect(liRow.GetByTestId("commission-status")).ToHaveTextAsync("预估");
        await Assertions.Expect(li.GetByTestId("balance-estimated")).Not.ToHaveTextAsync(liEstimated);
        var wangRow = wang.GetByTestId("income-row").First;
        await Assertions.Expect(wangRow).ToContainTextAsync("2级");
        await Assertions.Expect(wangRow).ToContainTextAsync("6%");

        await buyer.GotoAsync("/account/orders");
        await buyer.WaitForReadyAsync("orders");
        var number = await buyer.GetByTestId("order-card").First.GetAttributeAsync("data-number");
        await merchant.GotoAsync($"/merchant/orders/{number}");
        await OrderJourneyTests.ShipAsync(merchant, "顺丰速运", "SF7654321098123");
        var card = buyer.Locator($"[data-number='{number}']");
        await Assertions.Expect(card.GetByTestId("order-status")).ToHaveTextAsync("待收货");
        await card.GetByTestId("confirm-receipt").ClickAsync();
        await buyer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "确认收货" }).ClickAsync();
        await Assertions.Expect(liRow.GetByTestId("commission-status")).ToContainTextAsync("冻结中");

        // The after-sales window passes: the settle job runs as it would a week later (test-only; the app has no clock control).
        var now = browser.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await browser.Factory.Services.GetRequiredService<CommissionService>().SettleDueAsync(now.AddDays(8));
        await Assertions.Expect(liRow.GetByTestId("commission-status")).ToHaveTextAsync("可提现");
        await Assertions.Expect(li.GetByTestId("balance-withdrawable")).Not.ToHaveTextAsync("¥0.00");

        await li.GotoAsync("/distributor/withdrawals");
        await li.WaitForReadyAsync("withdrawals");
        await li.Locator("[data-testid=withdraw-amount] input, input[data-testid=withdraw-amount]").FillAsync("5");
        await li.Keyboard.PressAsync("Tab");
        await li.Locator("[data-testid=withdraw-account] input, input[data-testid=withdraw-account]").FillAsync("13800000012");
        await li.Keyboard.PressAsync("Tab");
        await li.GetByTestId("withdraw-submit").ClickAsync();
        await Assertions.Expect(li.GetByText("单笔提现不能低于 ¥10.00")).ToBeVisibleAsync();
        await li.Locator("[data-testid=withdraw-amount] input, input[data-testid=withdraw-amount]").FillAsync("10");
        await li.Keyboard.PressAsync("Tab");
        await li.GetByTestId("withdraw-submit").ClickAsync();
        var request = li.GetByTestId("withdrawal").First;
        await Assertions.Expect(request.GetByTestId("withdrawal-status")).ToHaveTextAsync("审核中");
        var withdrawal = await request.GetAttributeAsync("data-number");

        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin/withdrawals");
        await admin.WaitForReadyAsync("withdrawal-review");
        var queued = admin.Locator($"[data-testid=withdrawal][data-number='{withdrawal}']");
        await Assertions.Expect(queued).ToContainTextAsync("13800000012");
        await queued.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(request.GetByTestId("withdrawal-status")).ToHaveTextAsync("已通过");
        await admin.GetByTestId("withdrawal-filter").GetByText("已通过").ClickAsync();
        await queued.GetByRole(AriaRole.Button, new() { Name = "已打款" }).ClickAsync();
        await admin.Locator(".mud-dialog").GetByLabel("打款流水号").FillAsync("ALI2026120212345");
        await admin.GetByTestId("reason-submit").ClickAsync();
        await Assertions.Expect(request.GetByTestId("withdrawal-status")).ToHaveTextAsync("已打款");
        await Assertions.Expect(request).ToContainTextAsync("ALI2026120212345");

        // The shop funded both levels; its receivable says so, and the platform's books balance.
        await merchant.GotoAsync("/merchant/settlement");
        await merchant.WaitForReadyAsync("settlement");
        var settled = merchant.Locator($"[data-testid=settlement-order][data-number='{number}']");
        await Assertions.Expect(settled.GetByTestId("settlement-commission")).Not.ToHaveTextAsync("¥0.00");
        await admin.GotoAsync("/admin/reconciliation/funds");
        await admin.WaitForReadyAsync("funds");
        await Assertions.Expect(admin.GetByTestId("funds-verdict")).ToContainTextAsync("无差异");
        await Assertions.Expect(admin.GetByTestId("funds-balances-ok")).ToBeVisibleAsync();
        var csv = await admin.APIRequest.GetAsync(await admin.GetByTestId("funds-csv").GetAttributeAsync("href") ?? "");
        Assert.Contains(number!, await csv.TextAsync());
    }
}
