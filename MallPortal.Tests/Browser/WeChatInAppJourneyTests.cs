using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>Paying with WeChat Pay inside WeChat (JSAPI) through the simulated WeChat: silent sign-in, the pay sheet, the result.</summary>
[Collection("browser")]
public class WeChatInAppJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_buyer_inside_WeChat_is_signed_in_silently_closes_the_pay_sheet_once_and_then_pays()
    {
        // A new buyer (signed up by SMS code) buying 匠心 大马士革主厨刀, so the demo buyers' orders stay as other journeys expect.
        var buyer = await browser.NewPageAsync(inWeChat: true);
        await AccountJourneyTests.LogInBySmsAsync(browser, buyer, "13700007722");
        await buyer.GotoAsync("/product/31");

        await OrderJourneyTests.BuyNowAsync(buyer, "微信支付");

        // Back from WeChat's authorization with the openid, the pay page opened WeChat's pay sheet; the buyer closes it.
        await Assertions.Expect(buyer.GetByTestId("wechat-sheet-amount")).ToContainTextAsync("¥");
        await buyer.GetByTestId("wechat-sheet-cancel").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("wechat-inapp-outcome")).ToContainTextAsync("已取消支付");

        await buyer.GetByTestId("wechat-inapp-pay").ClickAsync();
        await buyer.GetByTestId("wechat-sheet-pay").ClickAsync();

        await buyer.WaitForAddressAsync("/pay/result/");
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
        var number = await buyer.GetByTestId("payment-result").GetByRole(AriaRole.Link).First.InnerTextAsync();
        await buyer.GotoAsync($"/account/orders/{number}");
        await buyer.WaitForReadyAsync("order");
        await Assertions.Expect(buyer.GetByTestId("order-status").First).ToHaveTextAsync("待发货");
    }
}
