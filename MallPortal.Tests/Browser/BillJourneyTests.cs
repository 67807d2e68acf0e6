using System.Globalization;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments.Bills;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Tests.Support;
using MallPortal.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace MallPortal.Tests.Browser;

/// <summary>渠道对账: the admin downloads today's sandbox bill, finds a payment the provider never took, and records what was done.</summary>
[Collection("browser")]
public class BillJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task The_admin_finds_a_payment_the_provider_never_took_and_records_its_resolution()
    {
        var admin = await browser.NewPageAsync();
        // What the hourly import job does from 10:30 China time: yesterday's bills are on the list too.
        await browser.Factory.Services.GetRequiredService<BillReconciliation>().ImportYesterdayAsync(CancellationToken.None);
        var placed = await browser.Factory.Services.GetRequiredService<CheckoutService>().PlaceOrderAsync(
            await ApiCheckout.ActorAsync(browser.Factory, "13800000021"),
            new CheckoutInput([new CheckoutLine(await ApiCheckout.SkuOfAsync(browser.Factory, ApiCheckout.Pillow), 1)],
                await ApiCheckout.AddressAsync(browser.Factory, "13800000021"), SandboxGateway.GatewayName, Guid.NewGuid().ToString("N")));
        var payment = placed.PaymentNumber;
        await ForgeSandboxNoticeAsync(payment, placed.Amount.Fen);

        await admin.LogInAsync(MallPortalFactory.AdminLogin, MallPortalFactory.AdminPassword, "/admin");
        await admin.WaitForInteractiveAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "渠道对账" }).ClickAsync();
        await admin.WaitForReadyAsync("bills");
        var day = admin.GetByTestId("bill-day");
        var today = BillDay.Of(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await day.FillAsync(today);
        await day.PressAsync("Enter");
        await admin.GetByTestId("bill-import").ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("已核对");

        var row = admin.GetByTestId("bill-difference").Filter(new() { HasText = payment });
        await Assertions.Expect(row.GetByTestId("bill-kind")).ToHaveTextAsync("短款：本地已入账，渠道无此收款");
        await row.GetByTestId("bill-resolve").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("reason")).ToBeVisibleAsync();
        await admin.GetByTestId("reason-submit").ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-dialog").GetByText("请填写原因")).ToBeVisibleAsync();
        await admin.GetByTestId("reason").FillAsync("沙箱密钥泄露后的伪造通知，订单已拦截并报警");
        await admin.GetByTestId("reason-submit").ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-snackbar").Last).ToContainTextAsync("已登记处理结果");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await admin.GetByTestId("bill-open-only").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已处理");
        await Assertions.Expect(row).ToContainTextAsync("伪造通知");
        // Only today's sandbox row is this test's; yesterday's came from the job.
        await Assertions.Expect(admin.GetByTestId("bill-row").Filter(new() { HasText = today }).Filter(new() { HasText = "在线支付（沙箱）" }))
            .ToHaveCountAsync(1);
    }

    /// <summary>A notification the sandbox never sent, signed with its key (a leaked key): the books say paid, the provider's bill will not.</summary>
    private async Task ForgeSandboxNoticeAsync(string payment, long amountFen)
    {
        var fields = new Dictionary<string, string>
        {
            ["notify_id"] = Guid.NewGuid().ToString("N"),
            ["notify_time"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["out_trade_no"] = payment,
            ["trade_no"] = "SBX9999999999999999",
            ["total_fee"] = amountFen.ToString(CultureInfo.InvariantCulture),
            ["trade_status"] = "SUCCESS",
            ["sign_type"] = "HMAC-SHA256",
        };
        fields["sign"] = SandboxSignature.Sign(fields, browser.Factory.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.Key);
        using var http = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var response = await http.PostAsync("/payments/notify/sandbox", new FormUrlEncodedContent(fields));
        Assert.Equal("success", await response.Content.ReadAsStringAsync());
    }
}
