using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>
/// A new buyer pays for an order, asks to cancel it with a preset reason and withdraws the request; once shipped, extends
/// the receipt once and confirms it; then buys it again into the cart and deletes the finished order from its list.
/// </summary>
[Collection("browser")]
public class OrderConvenienceJourneyTests(BrowserFixture browser)
{
    private const int Product = 27; // sold by 13800000002's shop

    [BrowserFact]
    public async Task A_buyer_withdraws_a_cancellation_extends_receipt_buys_again_and_deletes_the_finished_order()
    {
        var buyer = await browser.NewPageAsync();
        await AccountJourneyTests.LogInBySmsAsync(browser, buyer, "13700008888");
        await buyer.GotoAsync($"/product/{Product}");
        await OrderJourneyTests.BuyNowAsync(buyer, "在线支付（沙箱）");
        await buyer.GetByTestId("sandbox-pay").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
        var number = await buyer.GetByTestId("payment-result").GetByRole(AriaRole.Link).First.InnerTextAsync();
        await buyer.GotoAsync("/account/orders");
        await buyer.WaitForReadyAsync("orders");
        var card = buyer.Locator($"[data-number='{number}']");

        await card.GetByTestId("request-cancel").ClickAsync();
        var dialog = buyer.Locator(".mud-dialog");
        await dialog.GetByTestId("reason-preset").Filter(new() { HasText = "拍错了规格或数量" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("textarea")).ToHaveValueAsync("拍错了规格或数量");
        await dialog.GetByTestId("reason-submit").ClickAsync();
        await Assertions.Expect(card.GetByText("取消申请处理中")).ToBeVisibleAsync();
        await card.GetByTestId("withdraw-cancel").ClickAsync();
        await Assertions.Expect(buyer.GetByText("已撤销取消申请，订单将照常发货")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByTestId("request-cancel")).ToBeVisibleAsync();

        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000002", MallPortalFactory.DemoPassword, $"/merchant/orders/{number}");
        await OrderJourneyTests.ShipAsync(merchant, "中通快递", "780076543210");
        await Assertions.Expect(card.GetByTestId("order-status")).ToHaveTextAsync("待收货");

        await card.GetByTestId("extend-receipt").ClickAsync();
        await buyer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "延长收货" }).ClickAsync();
        await Assertions.Expect(buyer.GetByText("已延长收货时间")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByTestId("extend-receipt")).ToHaveCountAsync(0);
        await card.GetByTestId("confirm-receipt").ClickAsync();
        await buyer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "确认收货" }).ClickAsync();
        await Assertions.Expect(card.GetByTestId("order-status")).ToHaveTextAsync("已完成");
        await buyer.GotoAsync($"/account/orders/{number}");
        await buyer.WaitForReadyAsync("order");
        await Assertions.Expect(buyer.GetByText("买家延长收货时间")).ToBeVisibleAsync();
        await Assertions.Expect(buyer.GetByText("买家撤销取消申请")).ToBeVisibleAsync();

        await buyer.GetByTestId("buy-again").ClickAsync();
        await buyer.WaitForAddressAsync("/cart$");
        await Assertions.Expect(buyer.GetByText("已加入购物车")).ToBeVisibleAsync();
        await Assertions.Expect(buyer.GetByTestId("cart-line")).ToHaveCountAsync(1);

        await buyer.GotoAsync("/account/orders?status=Completed");
        await buyer.WaitForReadyAsync("orders");
        await card.GetByTestId("delete-order").ClickAsync();
        await buyer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "删除订单" }).ClickAsync();
        await Assertions.Expect(buyer.GetByText("订单已删除")).ToBeVisibleAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);
    }
}
