using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;
using MallPortal.Tests.Support;
using MallPortal.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>退款监控: the admin sees a refund processing at WeChat Pay and asks; once it has failed, records paying it back by hand.</summary>
[Collection("browser")]
public class RefundWatchJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_admin_asks_about_a_processing_refund_finds_it_failed_and_records_it_paid_by_hand()
    {
        var services = browser.Factory.Services;
        var simulator = services.GetRequiredService<WeChatPaySimulator>();
        (simulator.RefundsFail, simulator.RefundDelay) = (true, TimeSpan.FromSeconds(30));
        string order;
        try
        {
            order = await CancelledWeChatOrderAsync(services);
        }
        finally
        {
            (simulator.RefundsFail, simulator.RefundDelay) = (false, TimeSpan.FromSeconds(10));
        }
        var admin = await browser.NewPageAsync();
        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin");
        await admin.WaitForInteractiveAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "退款监控" }).ClickAsync();
        await admin.WaitForReadyAsync("refund-watch");
        var row = admin.GetByTestId("refund-row").Filter(new() { HasText = order });
        await Assertions.Expect(row).ToBeVisibleAsync();

        await row.GetByTestId("refund-query").ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("支付平台仍在处理该退款");

        // WeChat Pay's REFUND.ABNORMAL notification comes half a minute later.
        await admin.GetByTestId("refund-filter").GetByText("原路退款失败").ClickAsync();
        for (var i = 0; i < 60 && await row.GetByTestId("refund-mark-paid").CountAsync() == 0; i++)
        {
            await Task.Delay(1000);
            await admin.GetByTestId("refund-filter").GetByText("处理中").ClickAsync();
            await admin.GetByTestId("refund-filter").GetByText("原路退款失败").ClickAsync();
        }
        await row.GetByTestId("refund-mark-paid").ClickAsync();
        await admin.GetByTestId("reason-submit").ClickAsync();
        await Assertions.Expect(admin.GetByText("请填写原因")).ToBeVisibleAsync();
        await admin.GetByLabel("退款方式和凭证号").FillAsync("工行转账 流水 20261205001");
        await admin.GetByTestId("reason-submit").ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("已登记");
        await admin.GetByTestId("refund-filter").GetByText("已线下退回").ClickAsync();
        await Assertions.Expect(row.GetByTestId("refund-hand-note")).ToHaveTextAsync("工行转账 流水 20261205001");

        // The notifications behind it: the payment's and the refund's, as WeChat Pay sent them.
        await admin.GetByRole(AriaRole.Link, new() { Name = "支付通知日志" }).ClickAsync();
        await admin.WaitForReadyAsync("payment-notifications");
        await admin.GetByTestId("pn-outcome").GetByText("已受理").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("pn-row").Filter(new() { HasText = "微信支付" }).First).ToBeVisibleAsync();
        await admin.GetByTestId("pn-outcome").GetByText("已拒绝").ClickAsync();
        await admin.GetByLabel("支付单号").FillAsync("P-nothing-like-it");
        await admin.GetByLabel("支付单号").PressAsync("Enter");
        await Assertions.Expect(admin.GetByText("没有符合条件的通知")).ToBeVisibleAsync();

        var buyer = await browser.NewPageAsync();
        await buyer.LogInAsync("13800000023", MallPortalFactory.DemoPassword, $"/account/orders/{order}");
        await buyer.WaitForReadyAsync("order");
        await Assertions.Expect(buyer.GetByTestId("refund-note")).ToContainTextAsync("已由平台另行退回：工行转账 流水 20261205001");
    }

    /// <summary>A demo buyer's WeChat Pay order, paid by the simulated phone, cancelled on request and approved by the shop.</summary>
    private async Task<string> CancelledWeChatOrderAsync(IServiceProvider services)
    {
        var buyer = await ApiCheckout.ActorAsync(browser.Factory, "13800000023");
        var placed = await services.GetRequiredService<CheckoutService>().PlaceOrderAsync(buyer, new CheckoutInput(
            [new CheckoutLine(await ApiCheckout.SkuOfAsync(browser.Factory, ApiCheckout.Pillow), 1)], await ApiCheckout.AddressAsync(browser.Factory, "13800000023"),
            WeChatPayGateway.GatewayName, Guid.NewGuid().ToString("N")));
        var order = placed.OrderNumbers[0];
        var start = await services.GetRequiredService<PaymentService>().StartAsync(buyer, order, browser.BaseUrl);
        await services.GetRequiredService<WeChatPaySimulator>().PayAsync(((QrCodeStart)start.Start).Payload);
        var refunds = services.GetRequiredService<RefundService>();
        var refund = await refunds.RequestCancellationAsync(buyer, order, "不想要了");
        await using var db = await services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var owner = await db.Orders.Where(o => o.Number == order).Join(db.Shops, o => o.ShopId, s => s.Id, (_, s) => s.OwnerUserId).SingleAsync();
        await refunds.DecideAsync(new Actor(owner, new HashSet<string> { Roles.Merchant }), refund, true, null);
        return order;
    }
}
