using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MallPortal.Tests.Web;

public class OrderEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_signed_notification_pays_the_order_once_and_a_repeat_is_still_acknowledged()
    {
        var (number, amount) = await CheckoutAsync("13800000021");
        var fields = Signed(number, amount, Guid.NewGuid().ToString("N"));
        using var gateway = app.Factory.CreateBrowserlessClient();

        var first = await gateway.PostAsync("/payments/notify/sandbox", new FormUrlEncodedContent(fields));
        var again = await gateway.PostAsync("/payments/notify/sandbox", new FormUrlEncodedContent(fields));

        Assert.Equal((HttpStatusCode.OK, "success"), (first.StatusCode, await first.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, "success"), (again.StatusCode, await again.Content.ReadAsStringAsync()));
        await using var db = await ContextAsync();
        var payment = await db.Payments.SingleAsync(p => p.Number == number);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.All(await db.Orders.Where(o => o.PaymentId == payment.Id).ToListAsync(), o => Assert.Equal(OrderStatus.PendingShipment, o.Status));
        var log = await db.PaymentNotifications.Where(n => n.PaymentNumber == number).Select(n => n.Outcome).ToListAsync();
        Assert.Equal([NotificationOutcome.Accepted, NotificationOutcome.Duplicate], log.Order());
    }

    [Fact]
    public async Task Forged_and_wrong_amount_notifications_are_refused_logged_and_change_nothing()
    {
        var (number, amount) = await CheckoutAsync("13800000022");
        var forged = Signed(number, amount, "forged-1");
        forged["sign"] = new string('A', 64);
        var cheaper = Signed(number, amount - 1, "cheaper-1");
        using var gateway = app.Factory.CreateBrowserlessClient();

        var answers = new[]
        {
            await gateway.PostAsync("/payments/notify/sandbox", new FormUrlEncodedContent(forged)),
            await gateway.PostAsync("/payments/notify/sandbox", new FormUrlEncodedContent(cheaper)),
            await gateway.PostAsync("/payments/notify/nosuchgateway", new FormUrlEncodedContent(Signed(number, amount, "x"))),
        };

        // An unknown gateway gets no provider's answer to mimic.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound], answers.Select(a => a.StatusCode));
        await using var db = await ContextAsync();
        var payment = await db.Payments.SingleAsync(p => p.Number == number);
        Assert.Equal(PaymentStatus.Pending, payment.Status);
        Assert.All(await db.Orders.Where(o => o.PaymentId == payment.Id).ToListAsync(), o => Assert.Equal(OrderStatus.PendingPayment, o.Status));
        // A forged message's fields are not trusted, so it is logged by its raw payload only.
        var rejected = await db.PaymentNotifications.Where(n => n.Payload.Contains(number)).ToListAsync();
        Assert.Equal(3, rejected.Count);
        Assert.All(rejected, n => Assert.Equal(NotificationOutcome.Rejected, n.Outcome));
        Assert.Contains(rejected, n => n.Reason == "signature");
        Assert.Contains(rejected, n => n.Reason!.StartsWith("amount", StringComparison.Ordinal));
        Assert.Contains(rejected, n => n.Reason == "unknown or unconfigured gateway" && n.Gateway == "nosuchgateway");
    }

    [Fact]
    public async Task Checkout_over_the_api_needs_a_signed_in_user_and_says_what_is_out_of_stock()
    {
        using var anonymous = app.Factory.CreateBrowserlessClient();
        var denied = await anonymous.PostAsJsonAsync("/api/checkout", new { lines = new[] { new { skuId = 1, quantity = 1 } }, addressId = 1, paymentMethod = "sandbox", idempotencyKey = "k" });
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);

        using var client = app.Factory.CreateBrowserlessClient();
        await MallPortalFactory.PostLoginAsync(client, "consumer@demo.mallportal.local", MallPortalFactory.DemoPassword);
        var addressId = await ApiCheckout.AddressAsync(app.Factory, "consumer@demo.mallportal.local");
        var skuId = await ApiCheckout.SkuOfAsync(app.Factory, ApiCheckout.Pillow);
        var tooMany = await client.PostAsJsonAsync("/api/checkout", new { lines = new[] { new { skuId, quantity = 999 } }, addressId, paymentMethod = "sandbox", idempotencyKey = Guid.NewGuid().ToString("N") });

        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        var error = await tooMany.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("库存不足", error.GetProperty("error").GetString());
    }

    private async Task<(string Number, long Amount)> CheckoutAsync(string login)
    {
        var placed = await ApiCheckout.PlaceAsync(app.Factory, login, "sandbox");
        return (placed.PaymentNumber, placed.AmountFen);
    }

    private Dictionary<string, string> Signed(string number, long amountFen, string notifyId)
    {
        var fields = new Dictionary<string, string>
        {
            ["notify_id"] = notifyId, ["out_trade_no"] = number, ["trade_no"] = "SBX" + notifyId, ["total_fee"] = amountFen.ToString(),
            ["trade_status"] = "SUCCESS", ["sign_type"] = "HMAC-SHA256",
        };
        fields["sign"] = SandboxSignature.Sign(fields, app.Factory.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.Key);
        return fields;
    }

    private Task<MallDbContext> ContextAsync() =>
        app.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
}
