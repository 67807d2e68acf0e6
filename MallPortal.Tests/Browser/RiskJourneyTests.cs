using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>支付风控 in the browser: a large payment waits for the admin before the merchant sees it; rapid attempts need an SMS code.</summary>
[Collection("browser")]
public class RiskJourneyTests(BrowserFixture browser)
{
    private const int ProPhone = 2; // sold by 华南数码旗舰店, whose demo review line is ¥8,000

    [BrowserFact]
    public async Task A_large_payment_is_held_released_by_the_admin_and_then_reaches_the_merchant()
    {
        var buyer = await browser.NewPageAsync();
        await AccountJourneyTests.LogInBySmsAsync(browser, buyer, "13700008888");
        await buyer.GotoAsync($"/product/{ProPhone}");
        await buyer.WaitForReadyAsync("buy-box");
        await buyer.GetByTestId("sku-option").Filter(new() { HasText = "曜石黑" }).ClickAsync();
        await buyer.GetByTestId("sku-option").Filter(new() { HasText = "256GB" }).ClickAsync();
        await buyer.GetByTestId("quantity-more").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("quantity-input")).ToHaveValueAsync("2");
        await OrderJourneyTests.BuyNowAsync(buyer, "在线支付（沙箱）");
        await buyer.GetByTestId("sandbox-pay").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
        await Assertions.Expect(buyer.GetByTestId("result-review")).ToContainTextAsync("安全审核");
        var number = await buyer.GetByTestId("payment-result").GetByRole(AriaRole.Link).First.InnerTextAsync();
        await buyer.GotoAsync("/account/orders");
        await buyer.WaitForReadyAsync("orders");
        await Assertions.Expect(buyer.Locator($"[data-number='{number}']").GetByTestId("review-chip")).ToHaveTextAsync("安全审核中");
        await buyer.GotoAsync($"/account/orders/{number}");
        await buyer.WaitForReadyAsync("order");
        await Assertions.Expect(buyer.GetByTestId("risk-review")).ToContainTextAsync("安全审核");

        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000001", MallPortalFactory.DemoPassword, $"/merchant/orders/{number}");
        await Assertions.Expect(merchant.GetByText("订单不存在")).ToBeVisibleAsync();

        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin");
        await admin.WaitForInteractiveAsync();
        await Assertions.Expect(admin.GetByTestId("todo-risk")).ToContainTextAsync("待审核支付");
        await admin.GetByRole(AriaRole.Link, new() { Name = "支付风控" }).ClickAsync();
        await admin.WaitForReadyAsync("risk-queue");
        var row = admin.GetByTestId("risk-review-row").Filter(new() { HasText = number });
        await Assertions.Expect(row.GetByTestId("risk-reasons")).ToContainTextAsync("店铺大额订单");
        await row.GetByTestId("risk-release").ClickAsync();
        await admin.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "放行" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("已放行");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await admin.GetByRole(AriaRole.Tab, new() { Name = "风险事件" }).ClickAsync();
        await admin.WaitForReadyAsync("risk-events");
        await Assertions.Expect(admin.GetByTestId("risk-event").Filter(new() { HasText = "审核放行" }).First).ToBeVisibleAsync();

        // The buyer's page moves on by itself; the merchant now has the order to ship.
        await Assertions.Expect(buyer.GetByTestId("risk-review")).ToHaveCountAsync(0);
        await merchant.ReloadAsync();
        await merchant.WaitForReadyAsync("order");
        await Assertions.Expect(merchant.GetByText(number).First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Too_many_payment_attempts_ask_for_an_sms_code_and_the_buyer_then_pays()
    {
        const string phone = "13800000022"; // 刘洋: bound to no distributor, so no commission of the demo's changes
        var buyer = await browser.NewPageAsync();
        await buyer.LogInAsync(phone, MallPortalFactory.DemoPassword, "/product/27");
        await OrderJourneyTests.BuyNowAsync(buyer, "在线支付（沙箱）");
        await buyer.GotoAsync("/account/orders");
        await buyer.WaitForReadyAsync("orders");
        var number = await buyer.GetByTestId("order-card").First.GetAttributeAsync("data-number");

        // Each visit to the pay page starts a payment attempt; the sixth in ten minutes (fewer if other journeys paid) is stopped.
        for (var i = 0; i < 6 && await buyer.GetByTestId("risk-verify").CountAsync() == 0; i++)
        {
            await buyer.GotoAsync($"/account/orders/{number}/pay");
            await buyer.Locator("[data-testid=risk-verify], [data-ready=cashier][data-state=interactive]").First
                .WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }
        await Assertions.Expect(buyer.GetByTestId("risk-verify")).ToContainTextAsync("短信验证");
        await buyer.GetByTestId("risk-confirm").ClickAsync();
        await Assertions.Expect(buyer.GetByText("请输入 6 位验证码")).ToBeVisibleAsync();

        var previous = browser.LastCodeTo(phone);
        await buyer.GetByTestId("risk-send").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("risk-sent")).ToContainTextAsync("138****0022");
        await buyer.GetByTestId("risk-code").FillAsync(await browser.WaitForSmsCodeAsync(phone, notThis: previous));
        await buyer.GetByTestId("risk-confirm").ClickAsync();

        await buyer.WaitForAddressAsync("/sandbox/cashier/");
        await buyer.WaitForReadyAsync("cashier");
        await buyer.GetByTestId("sandbox-pay").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
    }
}
