using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>Paying by card through the simulated Stripe.js on the pay page, as a buyer does: a decline first, then Stripe's test card.</summary>
[Collection("browser")]
public class StripeJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task A_buyer_whose_card_is_declined_sees_why_tries_the_test_card_and_lands_on_a_paid_result()
    {
        // A new buyer (signed up by SMS code) buying 声海 Pro 有线耳机, so the demo buyers' orders and stock stay as other journeys expect.
        var buyer = await browser.NewPageAsync();
        await AccountJourneyTests.LogInBySmsAsync(browser, buyer, "13700007733");
        await buyer.GotoAsync("/product/22");
        await OrderJourneyTests.BuyNowAsync(buyer, "银行卡 (Stripe)");
        await Assertions.Expect(buyer.GetByTestId("stripe-simulated-element")).ToBeVisibleAsync();
        await Assertions.Expect(buyer.GetByTestId("pay-amount")).ToContainTextAsync("¥");

        await PayAsync(buyer, "4000 0000 0000 0002");

        await Assertions.Expect(buyer.GetByTestId("card-error")).ToHaveTextAsync("银行卡被拒绝，请换一张卡或联系发卡行");
        Assert.Matches("/account/orders/[0-9]+/pay$", buyer.Url);

        await PayAsync(buyer, "4242 4242 4242 4242");

        await buyer.WaitForAddressAsync("/pay/result/");
        Assert.Contains("redirect_status=succeeded", buyer.Url);
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
        var number = await buyer.GetByTestId("payment-result").GetByRole(AriaRole.Link).First.InnerTextAsync();
        await buyer.GotoAsync($"/account/orders/{number}");
        await buyer.WaitForReadyAsync("order");
        await Assertions.Expect(buyer.GetByTestId("order-status").First).ToHaveTextAsync("待发货");
        await Assertions.Expect(buyer.GetByText("银行卡 (Stripe) ·")).ToBeVisibleAsync();
    }

    private static async Task PayAsync(IPage buyer, string card)
    {
        await buyer.GetByTestId("card-number").FillAsync(card);
        await buyer.GetByTestId("card-expiry").FillAsync("12 / 34");
        await buyer.GetByTestId("card-cvc").FillAsync("123");
        await buyer.GetByTestId("card-pay").ClickAsync();
    }
}
