using System.Net;
using System.Security.Cryptography;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.UnionPay;
using MallPortal.Core.Orders.Payments.UnionPay.Simulator;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

/// <summary>
/// UnionPay's back notifications through the real /payments/notify/unionpay endpoint: each forgery refused with its reason
/// and a non-200 answer (so a genuine one would come again), the genuine one answered 200 once per change however often it comes.
/// </summary>
public class UnionPayEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Buyer = "13800000021";

    public static TheoryData<string, string> Forgeries() => new()
    {
        { "signed with another key", "signature" },
        { "amount edited after signing", "signature" },
        { "a certificate from outside UnionPay's roots", "certificate" },
        { "a certificate under the roots issued to someone else", "certificate" },
        { "UnionPay's certificate, expired", "certificate" },
        { "no certificate", "certificate" },
        { "signMethod 11", "signMethod 11" },
        { "another merchant's notification", "merId 777290058119999" },
        { "a wrong amount signed by UnionPay", "amount" },
        { "no queryId", "malformed" },
        { "an unknown payment", "unknown payment" },
    };

    [Theory, MemberData(nameof(Forgeries))]
    public async Task A_forged_or_foreign_notification_is_refused_logged_with_its_reason_and_changes_nothing(string forgery, string reason)
    {
        var (payment, order) = await PaidUnheardAsync();
        var simulator = app.Factory.Services.GetRequiredService<UnionPaySimulator>();
        var keys = UnionPaySimulatorKeys.Shared;
        using var stranger = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        var fields = forgery switch
        {
            "signed with another key" => simulator.SignedNotification(payment, key: stranger),
            "a certificate from outside UnionPay's roots" => simulator.SignedNotification(payment, certificatePem: SelfMade(stranger), key: stranger),
            "a certificate under the roots issued to someone else" =>
                simulator.SignedNotification(payment, certificatePem: keys.Issue("041@Z12@某商户@00000002", stranger, now.AddDays(-1), now.AddYears(1)), key: stranger),
            "UnionPay's certificate, expired" => simulator.SignedNotification(payment,
                certificatePem: keys.Issue($"043@Z12@{UnionPaySimulatorKeys.Owner}@00000009", stranger, now.AddYears(-2), now.AddDays(-1)), key: stranger),
            "signMethod 11" => simulator.SignedNotification(payment, f => f["signMethod"] = "11"),
            "another merchant's notification" => simulator.SignedNotification(payment, f => f["merId"] = "777290058119999"),
            "a wrong amount signed by UnionPay" => simulator.SignedNotification(payment, f => f["txnAmt"] = "1"),
            "no queryId" => simulator.SignedNotification(payment, f => f.Remove("queryId")),
            "an unknown payment" => simulator.SignedNotification(payment, f => f["orderId"] = "P20260101000000000000"),
            _ => simulator.SignedNotification(payment),
        };
        if (forgery == "amount edited after signing")
        {
            fields["txnAmt"] = "1";
        }
        else if (forgery == "no certificate")
        {
            fields.Remove("signPubKeyCert");
        }

        var answer = await PostAsync(fields);

        Assert.Equal((HttpStatusCode.BadRequest, "fail"), (answer.StatusCode, await answer.Content.ReadAsStringAsync()));
        await using var db = await ContextAsync();
        Assert.Equal(OrderStatus.PendingPayment, await db.Orders.Where(o => o.Number == order).Select(o => o.Status).SingleAsync());
        var logged = await db.PaymentNotifications.OrderBy(n => n.Id).LastAsync(n => n.Gateway == "unionpay");
        Assert.Equal(NotificationOutcome.Rejected, logged.Outcome);
        Assert.StartsWith(reason, logged.Reason);
    }

    [Fact]
    public async Task Twenty_copies_of_the_genuine_notification_at_once_are_all_acknowledged_and_pay_the_order_once()
    {
        var (payment, order) = await PaidUnheardAsync();
        var fields = app.Factory.Services.GetRequiredService<UnionPaySimulator>().SignedNotification(payment);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => PostAsync(fields))));

        foreach (var answer in answers)
        {
            Assert.Equal((HttpStatusCode.OK, "ok"), (answer.StatusCode, await answer.Content.ReadAsStringAsync()));
        }
        await using var db = await ContextAsync();
        var paid = await db.Orders.Include(o => o.Events).SingleAsync(o => o.Number == order);
        Assert.Equal(OrderStatus.PendingShipment, paid.Status);
        Assert.Single(paid.Events, e => e.Kind == OrderEventKind.Pay);
        Assert.Equal(1, await db.PaymentNotifications.CountAsync(n => n.PaymentNumber == payment && n.Outcome == NotificationOutcome.Accepted));
    }

    [Fact]
    public async Task The_simulated_front_gateway_refuses_a_form_whose_amount_was_tampered_with()
    {
        await ApiCheckout.RestockPillowAsync(app.Factory, 1);
        var placed = await ApiCheckout.PlaceAsync(app.Factory, Buyer, UnionPayGateway.GatewayName);
        var start = await app.Factory.Services.GetRequiredService<PaymentService>().StartAsync(await ApiCheckout.ActorAsync(app.Factory, Buyer),
            placed.OrderNumber, "http://localhost/");
        var fields = Assert.IsType<FormStart>(start.Start).Fields.ToDictionary();
        fields["txnAmt"] = "1";

        var answer = await app.Factory.CreateBrowserlessClient().PostAsync(UnionPayModule.SimulatorFrontPath, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("11：验证签名失败", await answer.Content.ReadAsStringAsync());
        Assert.Null(app.Factory.Services.GetRequiredService<UnionPaySimulator>().Find(placed.PaymentNumber));
    }

    [Theory]
    [InlineData("P20261205120000123456", "/pay/result/P20261205120000123456")]
    [InlineData("../admin", "/account/orders")]
    [InlineData("", "/account/orders")]
    public async Task The_buyer_posted_back_by_UnionPay_lands_on_the_result_page_of_a_well_formed_order(string orderId, string location)
    {
        var answer = await app.Factory.CreateBrowserlessClient().PostAsync("/payments/return/unionpay",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["orderId"] = orderId, ["respCode"] = "00" }));

        Assert.Equal((HttpStatusCode.Redirect, location), (answer.StatusCode, answer.Headers.Location?.OriginalString));
    }

    /// <summary>
    /// A UnionPay order whose signed form the buyer's browser posted to the simulated front gateway and paid by card, while
    /// the simulator's own notification was dropped: the shop has not heard of it yet.
    /// </summary>
    private async Task<(string Payment, string Order)> PaidUnheardAsync()
    {
        await ApiCheckout.RestockPillowAsync(app.Factory, 1);
        var placed = await ApiCheckout.PlaceAsync(app.Factory, Buyer, UnionPayGateway.GatewayName);
        var start = await app.Factory.Services.GetRequiredService<PaymentService>().StartAsync(await ApiCheckout.ActorAsync(app.Factory, Buyer),
            placed.OrderNumber, "http://localhost/");
        var cashier = await app.Factory.CreateBrowserlessClient().PostAsync(UnionPayModule.SimulatorFrontPath,
            new FormUrlEncodedContent(Assert.IsType<FormStart>(start.Start).Fields));
        Assert.Equal(HttpStatusCode.OK, cashier.StatusCode);
        Assert.Contains("确认付款", await cashier.Content.ReadAsStringAsync());
        var simulator = app.Factory.Services.GetRequiredService<UnionPaySimulator>();
        simulator.Behaviour.Drop = true;
        try
        {
            await simulator.PayAsync(placed.PaymentNumber, UnionPaySimulator.TestCard);
        }
        finally
        {
            simulator.Behaviour.Drop = false;
        }
        return (placed.PaymentNumber, placed.OrderNumber);
    }

    private static string SelfMade(RSA key) =>
        new System.Security.Cryptography.X509Certificates.CertificateRequest($"CN=043@Z12@{UnionPaySimulatorKeys.Owner}@00000001", key,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)).ExportCertificatePem();

    private Task<HttpResponseMessage> PostAsync(IReadOnlyDictionary<string, string> fields) => NotifyEndpoint.PostFormAsync(app.Factory, "unionpay", fields);

    private Task<MallDbContext> ContextAsync() => NotifyEndpoint.ContextAsync(app.Factory);
}
