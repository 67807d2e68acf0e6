using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>Paying with WeChat Pay Native: the pay page's QR code, scanned by the simulator's phone, moves on by itself.</summary>
[Collection("browser")]
public class WeChatPayJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_buyer_scans_the_WeChat_Pay_code_with_a_phone_and_the_computers_pay_page_moves_on_to_the_result()
    {
        var buyer = await browser.NewPageAsync();
        await buyer.LogInAsync("13800000021", MallPortalFactory.DemoPassword, "/product/27");
        await OrderJourneyTests.BuyNowAsync(buyer, "微信支付");
        await Assertions.Expect(buyer.GetByTestId("pay-page")).ToContainTextAsync("请使用手机扫一扫付款");
        await Assertions.Expect(buyer.GetByTestId("pay-amount")).ToContainTextAsync("¥");

        var phone = await buyer.Context.RunAndWaitForPageAsync(() => buyer.GetByTestId("pay-simulated-phone").ClickAsync());
        await Assertions.Expect(phone.GetByTestId("wechat-amount")).ToHaveTextAsync(await buyer.GetByTestId("pay-amount").InnerTextAsync());
        await phone.GetByTestId("wechat-pay").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("wechat-paid")).ToBeVisibleAsync();

        await buyer.WaitForAddressAsync("/pay/result/");
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
        var number = await buyer.GetByTestId("payment-result").GetByRole(AriaRole.Link).First.InnerTextAsync();
        await buyer.GotoAsync($"/account/orders/{number}");
        await buyer.WaitForReadyAsync("order");
        await Assertions.Expect(buyer.GetByText("微信支付 ·")).ToBeVisibleAsync();
    }
}
