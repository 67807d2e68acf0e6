using System.Text.RegularExpressions;
using MallPortal.Tests.Accounts;
using MallPortal.Tests.Support;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

[Collection("browser")]
public class OrderJourneyTests(BrowserFixture browser)
{
    private const string Speaker = "声海 Home 智能音箱"; // shop 1 (华南数码旗舰店), product 13, one SKU
    private const string Pillow = "云朵 羽丝绒枕（一对装）"; // shop 2 (江南家居生活馆), product 27, one SKU
    internal const int Holder = 21; // 车载手机支架, shop 1, one SKU

    [BrowserFact]
    public async Task A_consumer_buys_from_two_shops_pays_in_the_sandbox_sees_shipment_live_confirms_and_reviews_with_a_photo()
    {
        var buyer = await browser.NewPageAsync();
        await AddToCartAsync(buyer, 13);
        await Assertions.Expect(buyer.GetByTestId("cart-badge")).ToContainTextAsync("1");

        // Signing in keeps what the guest put in the cart.
        await buyer.LogInAsync("13800000021", MallPortalFactory.DemoPassword, "/product/27");
        await AddToCartAsync(buyer, 27, navigate: false);
        await Assertions.Expect(buyer.GetByTestId("cart-badge")).ToContainTextAsync("2");

        await buyer.GotoAsync("/cart");
        await buyer.WaitForInteractiveAsync();
        await Assertions.Expect(buyer.GetByTestId("cart-shop")).ToHaveCountAsync(2);
        await buyer.GetByTestId("go-checkout").ClickAsync();
        await buyer.WaitForAddressAsync("/checkout$");
        await buyer.WaitForInteractiveAsync();
        await Assertions.Expect(buyer.GetByTestId("checkout-shop")).ToHaveCountAsync(2);
        await AddAddressAsync(buyer);
        await buyer.GetByTestId("place-order").ClickAsync();

        await buyer.WaitForAddressAsync("/sandbox/cashier/");
        await buyer.WaitForReadyAsync("cashier");
        await buyer.GetByTestId("sandbox-pay").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");

        await buyer.GotoAsync("/account/orders");
        await buyer.WaitForReadyAsync("orders");
        var speakerCard = buyer.GetByTestId("order-card").Filter(new() { HasText = Speaker });
        var pillowCard = buyer.GetByTestId("order-card").Filter(new() { HasText = Pillow });
        await Assertions.Expect(speakerCard.First.GetByTestId("order-status")).ToHaveTextAsync("待发货");
        await Assertions.Expect(pillowCard.First.GetByTestId("order-status")).ToHaveTextAsync("待发货");
        var number = await speakerCard.First.GetAttributeAsync("data-number");

        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000001", MallPortalFactory.DemoPassword, $"/merchant/orders/{number}");
        await ShipAsync(merchant, "顺丰速运", "SF1234567890123");
        await Assertions.Expect(merchant.GetByTestId("tracking")).ToContainTextAsync("SF1234567890123");

        // The buyer's list changes by itself.
        var shipped = buyer.Locator($"[data-number='{number}']");
        await Assertions.Expect(shipped.GetByTestId("order-status")).ToHaveTextAsync("待收货");
        await shipped.GetByTestId("confirm-receipt").ClickAsync();
        await buyer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "确认收货" }).ClickAsync();
        await Assertions.Expect(shipped.GetByTestId("order-status")).ToHaveTextAsync("已完成");

        await buyer.GotoAsync($"/account/orders/{number}");
        await buyer.WaitForReadyAsync("order");
        await buyer.GetByTestId("review-line").ClickAsync();
        await buyer.WaitForReadyAsync("review");
        await buyer.GetByLabel("评价内容").FillAsync("音质清楚，语音控制很灵，家里老人也会用。");
        await buyer.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = ProfileServiceTests.Png(400, 300) });
        await Assertions.Expect(buyer.GetByTestId("photo-chip")).ToHaveCountAsync(1);
        await buyer.GetByTestId("submit-review").ClickAsync();

        await buyer.WaitForAddressAsync(@"/product/13\?tab=reviews$");
        var review = buyer.GetByTestId("review").Filter(new() { HasText = "语音控制很灵" });
        await Assertions.Expect(review.Locator("img.review-photo")).ToHaveCountAsync(1);
        await buyer.GetByTestId("with-photos").ClickAsync();
        await Assertions.Expect(review).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task An_order_cancelled_before_payment_gives_its_stock_back_at_once()
    {
        var buyer = await browser.NewPageAsync();
        await buyer.LogInAsync("13800000022", MallPortalFactory.DemoPassword, $"/product/{Holder}");
        await buyer.WaitForReadyAsync("buy-box");
        var stock = await StockAsync(buyer);

        await buyer.GetByTestId("buy-now").ClickAsync();
        await buyer.WaitForAddressAsync(@"/checkout\?sku=");
        await buyer.WaitForInteractiveAsync();
        await AddAddressAsync(buyer);
        await buyer.GetByTestId("place-order").ClickAsync();
        await buyer.WaitForAddressAsync("/sandbox/cashier/");

        await buyer.GotoAsync($"/product/{Holder}");
        await buyer.WaitForInteractiveAsync();
        Assert.Equal(stock - 1, await StockAsync(buyer));

        await buyer.GotoAsync("/account/orders?status=PendingPayment");
        await buyer.WaitForReadyAsync("orders");
        var card = buyer.GetByTestId("order-card").Filter(new() { HasText = "车载手机支架" }).First;
        await Assertions.Expect(card.GetByTestId("order-status")).ToHaveTextAsync("待付款");
        var countdown = card.GetByTestId("countdown");
        await Assertions.Expect(countdown).ToHaveTextAsync(new Regex(@"^剩余 [0-3]\d:\d{2}$"));
        await Assertions.Expect(countdown).Not.ToHaveTextAsync(await countdown.InnerTextAsync()); // it ticks in the browser
        await card.GetByTestId("cancel-order").ClickAsync();
        await buyer.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "取消订单" }).ClickAsync();
        await Assertions.Expect(buyer.Locator(".mud-snackbar").GetByText("订单已取消")).ToBeVisibleAsync();
        await buyer.GetByTestId("order-tabs").GetByText("已取消").ClickAsync();
        await buyer.WaitForAddressAsync("status=Cancelled");
        await buyer.ReloadAsync();
        await buyer.WaitForReadyAsync("orders");
        await Assertions.Expect(buyer.GetByTestId("order-card").Filter(new() { HasText = "车载手机支架" }).First.GetByTestId("order-status")).ToHaveTextAsync("已取消");
        await Assertions.Expect(buyer.GetByTestId("order-card").GetByTestId("order-status").Filter(new() { HasText = "待付款" })).ToHaveCountAsync(0);

        await buyer.GotoAsync($"/product/{Holder}");
        await buyer.WaitForInteractiveAsync();
        Assert.Equal(stock, await StockAsync(buyer));
    }

    [BrowserFact]
    public async Task A_merchant_hears_of_a_new_order_live_refunds_a_cancellation_and_collects_cash_on_delivery()
    {
        var merchant = await browser.NewPageAsync();
        await merchant.LogInAsync("13800000002", MallPortalFactory.DemoPassword, "/merchant/orders");
        await merchant.WaitForInteractiveAsync();

        var buyer = await browser.NewPageAsync();
        await buyer.LogInAsync("consumer@demo.mallportal.local", MallPortalFactory.DemoPassword, "/product/27");
        await BuyNowAsync(buyer, "在线支付（沙箱）");
        await buyer.GetByTestId("sandbox-pay").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("payment-result")).ToContainTextAsync("支付成功");
        var paid = await buyer.GetByTestId("payment-result").GetByRole(AriaRole.Link).First.InnerTextAsync();

        await Assertions.Expect(merchant.GetByText($"新订单 {paid}")).ToBeVisibleAsync();
        await Assertions.Expect(merchant.GetByTestId("order-link").Filter(new() { HasText = paid })).ToBeVisibleAsync();

        await buyer.GotoAsync($"/account/orders/{paid}");
        await buyer.WaitForReadyAsync("order");
        await buyer.GetByTestId("request-cancel").ClickAsync();
        await buyer.GetByLabel("取消原因").FillAsync("拍错了颜色");
        await buyer.GetByTestId("reason-submit").ClickAsync();
        await Assertions.Expect(buyer.GetByTestId("open-refund")).ToContainTextAsync("拍错了颜色");

        await merchant.GotoAsync($"/merchant/orders/{paid}");
        await merchant.WaitForReadyAsync("order");
        await merchant.GetByTestId("approve-cancel").ClickAsync();
        await merchant.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "同意并退款" }).ClickAsync();
        await Assertions.Expect(merchant.GetByTestId("order-status").First).ToHaveTextAsync("已取消");
        await Assertions.Expect(buyer.GetByTestId("order-status").First).ToHaveTextAsync("已取消"); // live
        await Assertions.Expect(buyer.GetByText("已原路退回")).ToBeVisibleAsync();

        await buyer.GotoAsync("/product/27");
        var cod = await BuyNowAsync(buyer, "货到付款");
        await Assertions.Expect(buyer.GetByTestId("order-status").First).ToHaveTextAsync("待发货");
        await merchant.GotoAsync($"/merchant/orders/{cod}");
        await ShipAsync(merchant, "中通快递", "789876543210");
        await merchant.GetByTestId("cod-collected").ClickAsync();
        await Assertions.Expect(merchant.GetByText("货到付款已收款")).ToBeVisibleAsync();

        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin/orders");
        await admin.WaitForInteractiveAsync();
        await Assertions.Expect(admin.GetByTestId("orders-by-shop")).ToContainTextAsync("江南家居生活馆");
        await Assertions.Expect(admin.GetByTestId("order-link").Filter(new() { HasText = cod })).ToBeVisibleAsync();
    }

    /// <summary>On the merchant's open order page: picks the carrier, types the tracking number and ships.</summary>
    internal static async Task ShipAsync(IPage merchant, string carrier, string trackingNumber)
    {
        await merchant.WaitForReadyAsync("order");
        await AccountJourneyTests.PickAsync(merchant, merchant.GetByTestId("carrier"), carrier);
        await merchant.GetByLabel("快递单号").FillAsync(trackingNumber);
        await merchant.GetByTestId("ship").ClickAsync();
    }

    /// <summary>立即购买 on the open product page, checkout with the buyer's address (added if there is none); returns the
    /// order number for cash on delivery, and stops at the cashier for online payment.</summary>
    internal static async Task<string> BuyNowAsync(IPage buyer, string method)
    {
        await buyer.WaitForReadyAsync("buy-box");
        // Asked while the page stands still: inside WeChat the pay page later leaves for WeChat's sign-in and comes back,
        // and a script run during that round trip loses its page.
        var inWeChat = await buyer.EvaluateAsync<bool>("/MicroMessenger/.test(navigator.userAgent)");
        // A computer's buy box or, on a phone, the bottom bar (the box's buttons are hidden there).
        await buyer.GetByTestId(new Regex("^(bar-)?buy-now$")).Filter(new() { Visible = true }).ClickAsync();
        await buyer.WaitForAddressAsync(@"/checkout\?sku=");
        await buyer.WaitForInteractiveAsync();
        await buyer.Locator("[data-testid=address-picker][data-state=ready]").WaitForAsync();
        if (await buyer.GetByTestId("address-option").CountAsync() == 0)
        {
            await AddAddressAsync(buyer);
        }
        await buyer.GetByTestId("payment-methods").GetByText(method).ClickAsync();
        await buyer.GetByTestId("place-order").ClickAsync();
        if (method == "货到付款")
        {
            await buyer.WaitForAddressAsync("/account/orders/[0-9]+$");
            await buyer.WaitForInteractiveAsync();
            return buyer.Url.Split('/')[^1];
        }
        if (method == "微信支付")
        {
            // Native: the pay page shows WeChat Pay's QR code and waits for the phone. Inside WeChat (JSAPI) the page goes
            // through WeChat's silent sign-in and back, then WeChat's pay sheet opens.
            await buyer.WaitForAddressAsync("/account/orders/[0-9]+/pay$");
            await buyer.GetByTestId(inWeChat ? "wechat-sheet" : "pay-qr").WaitForAsync();
            return "";
        }
        if (method == "支付宝")
        {
            // The pay page posts Alipay's signed form; the (simulated) Alipay cashier answers.
            await buyer.WaitForAddressAsync("/simulators/alipay/gateway.do");
            await buyer.GetByTestId("alipay-pay").WaitForAsync();
            return "";
        }
        if (method == "银联在线支付")
        {
            // The pay page posts UnionPay's signed form to its front gateway, which shows the card cashier.
            await buyer.WaitForAddressAsync("/simulators/unionpay/frontTransReq.do");
            await buyer.GetByTestId("unionpay-pay").WaitForAsync();
            return "";
        }
        if (method == "银行卡 (Stripe)")
        {
            // The pay page mounts the (simulated) Stripe.js card form.
            await buyer.WaitForAddressAsync("/account/orders/[0-9]+/pay$");
            await buyer.GetByTestId("card-number").WaitForAsync();
            return "";
        }
        await buyer.WaitForAddressAsync("/sandbox/cashier/");
        await buyer.WaitForReadyAsync("cashier");
        return "";
    }

    internal static async Task AddToCartAsync(IPage page, int productId, bool navigate = true)
    {
        if (navigate)
        {
            await page.GotoAsync($"/product/{productId}");
        }
        await page.WaitForReadyAsync("buy-box");
        // A computer's buy box or, on a phone, the bottom bar (the box's buttons are hidden there).
        await page.GetByTestId(new Regex("^(bar-)?add-to-cart$")).Filter(new() { Visible = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("已加入购物车")).ToBeVisibleAsync();
    }

    private static async Task AddAddressAsync(IPage page)
    {
        await page.GetByTestId("address-picker").GetByRole(AriaRole.Button, new() { Name = "新增收货地址" }).ClickAsync();
        var editor = page.GetByTestId("address-editor");
        await editor.GetByLabel("收货人").FillAsync("周晓梅");
        await editor.GetByLabel("手机号").FillAsync("13900001111");
        await AccountJourneyTests.PickAsync(page, editor.GetByTestId("province"), "浙江省");
        await AccountJourneyTests.PickAsync(page, editor.GetByTestId("city"), "杭州市");
        await AccountJourneyTests.PickAsync(page, editor.GetByTestId("district"), "西湖区");
        await editor.GetByLabel("详细地址").FillAsync("文三路 90 号 2 幢 301");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("address-picker").GetByText("周晓梅")).ToBeVisibleAsync();
    }

    private static async Task<int> StockAsync(IPage page) =>
        int.Parse(Regex.Match(await page.GetByTestId("stock").InnerTextAsync(), @"\d+").Value);
}
