using System.Net;
using System.Security.Cryptography;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Alipay.Simulator;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

/// <summary>
/// Alipay's notifications through the real /payments/notify/alipay endpoint: each forgery refused with its reason and
/// Alipay's "fail", the genuine one answered "success" exactly once however often and however concurrently it comes.
/// </summary>
public class AlipayEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Buyer = "13800000021";

    public static TheoryData<string, string> Forgeries() => new()
    {
        { "signed with another key", "signature" },
        { "amount edited after signing", "signature" },
        { "sign_type RSA", "signature" },
        { "another app's notification", "app_id 2021009999999999" },
        { "another merchant's notification", "seller_id 2088009999999999" },
        { "a wrong amount signed by Alipay", "amount" },
        { "no notify_id", "malformed" },
        { "an unknown payment", "unknown payment" },
    };

    [Theory, MemberData(nameof(Forgeries))]
    public async Task A_forged_or_foreign_notification_is_refused_logged_with_its_reason_and_changes_nothing(string forgery, string reason)
    {
        var (payment, order) = await OpenedAsync();
        var simulator = app.Factory.Services.GetRequiredService<AlipaySimulator>();
        var fields = forgery switch
        {
            "another app's notification" => simulator.SignedNotification(payment, f => f["app_id"] = "2021009999999999"),
            "another merchant's notification" => simulator.SignedNotification(payment, f => f["seller_id"] = "2088009999999999"),
            "a wrong amount signed by Alipay" => simulator.SignedNotification(payment, f => f["total_amount"] = "0.01"),
            "no notify_id" => simulator.SignedNotification(payment, f => f.Remove("notify_id")),
            "an unknown payment" => simulator.SignedNotification(payment, f => f["out_trade_no"] = "P20260101000000000000"),
            _ => simulator.SignedNotification(payment),
        };
        if (forgery == "signed with another key")
        {
            using var stranger = RSA.Create(2048);
            fields["sign"] = AlipayProtocol.SignNotification(fields, stranger);
        }
        else if (forgery == "amount edited after signing")
        {
            fields["total_amount"] = "0.01";
        }
        else if (forgery == "sign_type RSA")
        {
            fields["sign_type"] = "RSA";
        }

        var answer = await PostAsync(fields);

        Assert.Equal((HttpStatusCode.BadRequest, "fail"), (answer.StatusCode, await answer.Content.ReadAsStringAsync()));
        await using var db = await ContextAsync();
        Assert.Equal(OrderStatus.PendingPayment, await db.Orders.Where(o => o.Number == order).Select(o => o.Status).SingleAsync());
        var logged = await db.PaymentNotifications.OrderBy(n => n.Id).LastAsync(n => n.Gateway == "alipay");
        Assert.Equal(NotificationOutcome.Rejected, logged.Outcome);
        Assert.StartsWith(reason, logged.Reason);
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_refused()
    {
        var answer = await app.Factory.CreateBrowserlessClient().PostAsync("/payments/notify/alipay",
            new StringContent("""{"out_trade_no":"P1"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, "fail"), (answer.StatusCode, await answer.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Twenty_copies_of_the_genuine_notification_at_once_are_all_acknowledged_and_pay_the_order_once()
    {
        var (payment, order) = await OpenedAsync();
        var fields = app.Factory.Services.GetRequiredService<AlipaySimulator>().SignedNotification(payment, f => f["trade_status"] = "TRADE_SUCCESS");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => PostAsync(fields))));

        foreach (var answer in answers)
        {
            Assert.Equal((HttpStatusCode.OK, "success"), (answer.StatusCode, await answer.Content.ReadAsStringAsync()));
        }
        await using var db = await ContextAsync();
        var paid = await db.Orders.Include(o => o.Events).SingleAsync(o => o.Number == order);
        Assert.Equal(OrderStatus.PendingShipment, paid.Status);
        Assert.Single(paid.Events, e => e.Kind == OrderEventKind.Pay);
        Assert.Equal(1, await db.PaymentNotifications.CountAsync(n => n.PaymentNumber == payment && n.Outcome == NotificationOutcome.Accepted));
    }

    [Fact]
    public async Task The_simulated_gateway_refuses_a_pay_request_whose_signature_was_tampered_with()
    {
        var (payment, order) = await OpenedAsync();
        var start = await app.Factory.Services.GetRequiredService<PaymentService>().StartAsync(await ApiCheckout.ActorAsync(app.Factory, Buyer), order, "http://localhost/");
        var fields = Assert.IsType<FormStart>(start.Start).Fields.ToDictionary();
        fields["biz_content"] = fields["biz_content"].Replace(AlipayProtocol.Yuan(start.Amount), "0.01", StringComparison.Ordinal);

        var answer = await app.Factory.CreateBrowserlessClient().PostAsync(AlipayModule.SimulatorCashierPath, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("isv.invalid-signature", await answer.Content.ReadAsStringAsync());
        Assert.NotNull(app.Factory.Services.GetRequiredService<AlipaySimulator>().FindByOutTradeNo(payment)); // the genuine one stays
    }

    /// <summary>An Alipay order whose pay form the buyer's browser posted to the simulated gateway (the trade is open, unpaid).</summary>
    private async Task<(string Payment, string Order)> OpenedAsync()
    {
        await ApiCheckout.RestockPillowAsync(app.Factory, 1);
        var placed = await ApiCheckout.PlaceAsync(app.Factory, Buyer, AlipayGateway.GatewayName);
        var start = await app.Factory.Services.GetRequiredService<PaymentService>().StartAsync(await ApiCheckout.ActorAsync(app.Factory, Buyer),
            placed.OrderNumber, "http://localhost/");
        var cashier = await app.Factory.CreateBrowserlessClient().PostAsync(AlipayModule.SimulatorCashierPath,
            new FormUrlEncodedContent(Assert.IsType<FormStart>(start.Start).Fields));
        Assert.Equal(HttpStatusCode.OK, cashier.StatusCode);
        Assert.Contains("确认付款", await cashier.Content.ReadAsStringAsync());
        return (placed.PaymentNumber, placed.OrderNumber);
    }

    private Task<HttpResponseMessage> PostAsync(IReadOnlyDictionary<string, string> fields) => NotifyEndpoint.PostFormAsync(app.Factory, "alipay", fields);

    private Task<MallDbContext> ContextAsync() => NotifyEndpoint.ContextAsync(app.Factory);
}
