using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>Paying with WeChat Pay Native: the pay page's QR code, scanned by the simulator's phone, moves on by itself.</summary>
[Collection("browser")]
public class WeChatPayJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_buyer_scans_the_WeChat_Pay_code_with_a_phone_the_pay_page_moves_on_and_a_cancellation_is_refunded_after_processing()
    {
        var buyer = await browser.NewPageAsync();
        await buyer.LogInAsync("13800000025", MallPortalFactory.DemoPassword, "/product/27");
        await OrderJourneyTests.BuyNowAsync(buyer, "微信支付");
        await Assertions.Expect(buyer.GetByTestId("pay-page")).ToContainTextAsync("请使用微信扫一扫付款");
        await Assertions.Expect(buyer.GetByTestId("pay-qr-method")).ToContainTextAsync("微信支付");
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

        // Cancelled before shipment: WeChat Pay takes the refund as processing and pays it back a little later.
        await buyer.GetByTestId("request-cancel").ClickAsync();
        await buyer.GetByLabel("取消原因").FillAsync("拍错了颜色");
        await buyer.GetByTestId("reason-submit").ClickAsync();
        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000002", MallPortalFactory.DemoPassword, $"/merchant/orders/{number}");
        await merchant.WaitForReadyAsync("order");
        await merchant.GetByTestId("approve-cancel").ClickAsync();
        await merchant.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "同意并退款" }).ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("order-status").First).ToHaveTextAsync("已取消"); // live
        await Assertions.Expect(buyer.GetByTestId("refund-note")).ToContainTextAsync("退款处理中");
        for (var i = 0; i < 30 && !(await buyer.GetByTestId("refund-note").InnerTextAsync()).Contains("已原路退回"); i++)
        {
            await Task.Delay(1000);
            await buyer.ReloadAsync();
            await buyer.WaitForReadyAsync("order");
        }
        await Assertions.Expect(buyer.GetByTestId("refund-note")).ToContainTextAsync("已原路退回");
    }
}
