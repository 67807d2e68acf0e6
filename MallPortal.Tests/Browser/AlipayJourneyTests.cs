using MallPortal.Core.Orders.Payments.Alipay.Simulator;
using MallPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>Paying with Alipay through the local simulator's cashier, as a buyer does on a computer and on a phone.</summary>
[Collection("browser")]
public class AlipayJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_buyer_pays_with_Alipay_on_a_computer_and_on_a_phone_and_a_lost_notification_is_made_good_on_return()
    {
        var buyer = await browser.NewPageAsync();
        await buyer.LogInAsync("13800000024", MallPortalFactory.DemoPassword, "/product/27");
        await OrderJourneyTests.BuyNowAsync(buyer, "支付宝");
        await Assertions.Expect(buyer.GetByTestId("alipay-product")).ToHaveTextAsync("电脑网站支付");
        await Assertions.Expect(buyer.GetByTestId("alipay-amount")).ToContainTextAsync("¥");

        await buyer.GetByTestId("alipay-pay").ClickAsync();

        await buyer.WaitForAddressAsync("/pay/result/");
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
        var number = await buyer.GetByTestId("payment-result").GetByRole(AriaRole.Link).First.InnerTextAsync();
        await buyer.GotoAsync($"/account/orders/{number}");
        await buyer.WaitForReadyAsync("order");
        await Assertions.Expect(buyer.GetByTestId("order-status").First).ToHaveTextAsync("待发货");
        await Assertions.Expect(buyer.GetByText("支付宝 ·")).ToBeVisibleAsync();

        // On a phone the pay page asks for wap pay; Alipay's notification never comes, so the return page asks Alipay.
        var simulator = browser.Factory.Services.GetRequiredService<AlipaySimulator>();
        simulator.Behaviour.Drop = true;
        try
        {
            var phone = await browser.NewPageAsync(phone: true);
            await phone.LogInAsync("13800000022", MallPortalFactory.DemoPassword, "/product/27");
            await OrderJourneyTests.BuyNowAsync(phone, "支付宝");
            await Assertions.Expect(phone.GetByTestId("alipay-product")).ToHaveTextAsync("手机网站支付");

            await phone.GetByTestId("alipay-pay").ClickAsync();

            await phone.WaitForAddressAsync("/pay/result/");
            await Assertions.Expect(phone.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
        }
        finally
        {
            simulator.Behaviour.Drop = false;
        }
    }

    [BrowserFact]
    public async Task A_buyer_who_leaves_the_Alipay_cashier_switches_to_WeChat_Pay_and_pays_with_the_phone()
    {
        var buyer = await browser.NewPageAsync();
        await buyer.LogInAsync("13800000023", MallPortalFactory.DemoPassword, "/product/27");
        await OrderJourneyTests.BuyNowAsync(buyer, "支付宝");

        await buyer.GetByTestId("alipay-cancel").ClickAsync();

        await buyer.WaitForAddressAsync("/pay/result/");
        await buyer.WaitForInteractiveAsync();
        // Alipay, asked on arrival, says nothing was paid: 未支付, not an endless 确认中; the methods keep their own case.
        await Assertions.Expect(buyer.GetByTestId("result-not-paid")).ToHaveTextAsync("未支付");
        await Assertions.Expect(buyer.GetByTestId("pay-again")).ToHaveTextAsync("重新支付");
        await Assertions.Expect(buyer.GetByTestId("switch-methods")).ToContainTextAsync("银行卡 (Stripe)", new() { UseInnerText = true });
        await buyer.GetByTestId("switch-methods").GetByRole(AriaRole.Button, new() { Name = "微信支付" }).ClickAsync();
        await buyer.WaitForAddressAsync("/account/orders/[0-9]+/pay$");
        var phone = await buyer.Context.RunAndWaitForPageAsync(() => buyer.GetByTestId("pay-simulated-phone").ClickAsync());
        await phone.GetByTestId("wechat-pay").ClickAsync();
        await buyer.WaitForAddressAsync("/pay/result/");
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
    }
}
