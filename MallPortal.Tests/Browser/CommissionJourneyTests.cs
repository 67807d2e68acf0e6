using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

[Collection("browser")]
public class CommissionJourneyTests(BrowserFixture browser)
{
    private const string Buyer = "13700006666";
    private const int Product = 13; // 声海 Home 智能音箱, sold by 华南数码旗舰店 (13800000001)
    private const string WeChatOnAPhone =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x18003231) NetType/WIFI Language/zh_CN";

    [BrowserFact]
    public async Task A_merchant_sets_a_two_level_policy_and_a_sale_through_the_chain_shows_estimated_commission_to_both_distributors_live()
    {
        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000001", MallPortalFactory.DemoPassword, "/merchant/commission");
        await merchant.WaitForReadyAsync("commission-policy");
        await merchant.Locator("[data-testid=rate-1] input, input[data-testid=rate-1]").FillAsync("28");
        await merchant.Locator("[data-testid=rate-2] input, input[data-testid=rate-2]").FillAsync("6");
        await merchant.GetByTestId("save-policy").ClickAsync();
        await Assertions.Expect(merchant.GetByText("不能超过平台单笔上限 30%").First).ToBeVisibleAsync();
        await merchant.Locator("[data-testid=rate-1] input, input[data-testid=rate-1]").FillAsync("12");
        await merchant.GetByTestId("save-policy").ClickAsync();
        await Assertions.Expect(merchant.GetByText("已保存").First).ToBeVisibleAsync();
        await Assertions.Expect(merchant.GetByTestId("policy-example")).ToContainTextAsync("1级 ¥12.00，2级 ¥6.00");

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

        var friend = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "zh-CN", UserAgent = WeChatOnAPhone });
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

        await li.GetByTestId("filter-status").ClickAsync();
        await li.GetByRole(AriaRole.Option, new() { Name = "已失效" }).ClickAsync();
        await Assertions.Expect(li.GetByText("还没有佣金")).ToBeVisibleAsync();
    }
}
