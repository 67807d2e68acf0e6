using System.Net;
using System.Security.Cryptography;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

/// <summary>
/// WeChat Pay's notifications through the real /payments/notify/wechatpay endpoint: signed headers over the raw JSON
/// body, five-minute window, probes, sealed resources; each refusal logged with its reason and answered with WeChat
/// Pay's FAIL JSON, the genuine one taken once however often it comes.
/// </summary>
public class WeChatPayEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Buyer = "13800000021";

    public static TheoryData<string, string> Forgeries() => new()
    {
        { "signed with another key", "signature" },
        { "body changed after signing", "signature" },
        { "signed six minutes ago", "timestamp outside 5 minutes" },
        { "a signature probe", "signature probe" },
        { "an unknown serial", "unknown serial" },
        { "no Wechatpay headers", "missing Wechatpay headers" },
        { "another merchant", "mchid 1900009999" },
        { "another app", "appid wx0000000000009999" },
        { "a wrong amount", "amount" },
        { "a resource that does not open", "decrypt" },
        { "signed but not JSON", "malformed" },
        { "an unknown payment", "unknown payment" },
    };

    [Theory, MemberData(nameof(Forgeries))]
    public async Task A_forged_stale_or_foreign_notification_is_refused_logged_with_its_reason_and_changes_nothing(string forgery, string reason)
    {
        var (payment, order) = await OpenedAsync();
        var simulator = app.Factory.Services.GetRequiredService<WeChatPaySimulator>();
        var (body, headers) = forgery switch
        {
            "signed six minutes ago" => simulator.SignedNotification(payment, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6)),
            "another merchant" => simulator.SignedNotification(payment, r => r["mchid"] = "1900009999"),
            "another app" => simulator.SignedNotification(payment, r => r["appid"] = "wx0000000000009999"),
            "a wrong amount" => simulator.SignedNotification(payment, r => r["amount"]!["total"] = 1),
            "an unknown payment" => simulator.SignedNotification(payment, r => r["out_trade_no"] = "P20260101000000000000"),
            _ => simulator.SignedNotification(payment),
        };
        switch (forgery)
        {
            case "signed with another key":
                using (var stranger = RSA.Create(2048))
                {
                    headers = WeChatPayProtocol.SignedHeaders(body, WeChatPaySimulatorKeys.PlatformKeyId, stranger, DateTimeOffset.UtcNow);
                }
                break;
            case "body changed after signing": body = body.Replace("\"event_type\"", " \"event_type\"", StringComparison.Ordinal); break;
            case "a signature probe": headers[WeChatPayProtocol.SignatureHeader] = WeChatPayProtocol.ProbePrefix + "abc"; break;
            case "an unknown serial": headers[WeChatPayProtocol.SerialHeader] = "PUB_KEY_ID_9999"; break;
            case "no Wechatpay headers": headers.Clear(); break;
            case "a resource that does not open": (body, headers) = Resigned(body.Replace("\"nonce\":\"", "\"nonce\":\"x", StringComparison.Ordinal)); break;
            case "signed but not JSON": (body, headers) = Resigned("not json at all"); break;
        }

        var answer = await PostAsync(body, headers);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("\"code\":\"FAIL\"", await answer.Content.ReadAsStringAsync());
        await using var db = await ContextAsync();
        Assert.Equal(OrderStatus.PendingPayment, await db.Orders.Where(o => o.Number == order).Select(o => o.Status).SingleAsync());
        var logged = await db.PaymentNotifications.OrderBy(n => n.Id).LastAsync(n => n.Gateway == "wechatpay");
        Assert.Equal(NotificationOutcome.Rejected, logged.Outcome);
        Assert.StartsWith(reason, logged.Reason);
    }

    [Fact]
    public async Task Twenty_copies_of_the_genuine_notification_at_once_are_all_acknowledged_and_pay_the_order_once()
    {
        var (payment, order) = await OpenedAsync();
        var (body, headers) = app.Factory.Services.GetRequiredService<WeChatPaySimulator>().SignedNotification(payment);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => PostAsync(body, headers))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await using var db = await ContextAsync();
        var paid = await db.Orders.Include(o => o.Events).SingleAsync(o => o.Number == order);
        Assert.Equal(OrderStatus.PendingShipment, paid.Status);
        Assert.Single(paid.Events, e => e.Kind == OrderEventKind.Pay);
        Assert.Equal(1, await db.PaymentNotifications.CountAsync(n => n.PaymentNumber == payment && n.Outcome == NotificationOutcome.Accepted));
    }

    private static (string Body, Dictionary<string, string> Headers) Resigned(string body) =>
        (body, WeChatPayProtocol.SignedHeaders(body, WeChatPaySimulatorKeys.PlatformKeyId, WeChatPaySimulatorKeys.Shared.PlatformPrivateKey, DateTimeOffset.UtcNow));

    private Task<(string Payment, string Order)> OpenedAsync() => NotifyEndpoint.OpenedAsync<QrCodeStart>(app.Factory, Buyer, WeChatPayGateway.GatewayName);

    private Task<HttpResponseMessage> PostAsync(string body, IReadOnlyDictionary<string, string> headers) =>
        NotifyEndpoint.PostAsync(app.Factory, WeChatPayGateway.GatewayName, body, headers);

    private Task<MallDbContext> ContextAsync() => NotifyEndpoint.ContextAsync(app.Factory);
}
