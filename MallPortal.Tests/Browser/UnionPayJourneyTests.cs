using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>Paying by UnionPay card through the local simulator's front gateway, as a buyer does on a computer.</summary>
[Collection("browser")]
public class UnionPayJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_buyer_pays_by_UnionPay_card_after_a_declined_one_and_is_posted_back_to_the_result_page()
    {
        // A new buyer (signed up by SMS code), buying 匠心 刀具五件套: the demo buyers' orders and commissions stay as other journeys expect.
        var buyer = await browser.NewPageAsync();
        await AccountJourneyTests.LogInBySmsAsync(browser, buyer, "13700007711");
        await buyer.GotoAsync("/product/32");
        await OrderJourneyTests.BuyNowAsync(buyer, "银联在线支付");
        await Assertions.Expect(buyer.GetByTestId("unionpay-channel")).ToContainTextAsync("网页支付");
        await Assertions.Expect(buyer.GetByTestId("unionpay-amount")).ToContainTextAsync("¥");

        // A card the bank declines: UnionPay says so and the cashier stays open.
        await buyer.GetByTestId("unionpay-card").FillAsync("6216 2610 0000 0000 002");
        await buyer.GetByTestId("unionpay-pay").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("unionpay-error")).ToContainTextAsync("交易未通过");

        await buyer.GetByTestId("unionpay-card").FillAsync("6216261000000000018");
        await buyer.GetByTestId("unionpay-pay").ClickAsync();

        // UnionPay's page posts the front notification to the shop, which leads to the result page.
        await buyer.WaitForAddressAsync("/pay/result/");
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
        var number = await buyer.GetByTestId("payment-result").GetByRole(AriaRole.Link).First.InnerTextAsync();
        await buyer.GotoAsync($"/account/orders/{number}");
        await buyer.WaitForReadyAsync("order");
        await Assertions.Expect(buyer.GetByTestId("order-status").First).ToHaveTextAsync("待发货");
        await Assertions.Expect(buyer.GetByText("银联在线支付 ·")).ToBeVisibleAsync();
    }
}
