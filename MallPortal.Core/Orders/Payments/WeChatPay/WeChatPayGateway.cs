using System.Text.Json;
using MallPortal.Core.Common;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.WeChatPay;

/// <summary>
/// 微信支付 API v3, Native (a QR code the buyer scans with WeChat) and JSAPI (inside WeChat, with the buyer's openid); the notification (signed headers over the raw body,
/// fresh within five minutes, resource sealed with the APIv3 key) is checked for app, merchant, amount and currency;
/// query, close, refunds that may be processing, refund notifications.
/// </summary>
public sealed class WeChatPayGateway(WeChatPayClient client, WeChatPayKeys keys, IOptions<WeChatPayOptions> options, TimeProvider clock) : IPaymentGateway, Bills.IBillSource
{
    public const string GatewayName = "wechatpay";

    private static readonly GatewayAnswer Taken = new(200, "application/json", "");

    private static readonly GatewayAnswer Refused = new(400, "application/json", """{"code":"FAIL","message":"失败"}""");

    public string Name => GatewayName;

    public GatewayCapabilities Capabilities =>
        GatewayCapabilities.Refund | GatewayCapabilities.PartialRefund | GatewayCapabilities.Query | GatewayCapabilities.Close;

    public bool PaysOnline => true;

    public GatewayAnswer Answer(bool accepted) => accepted ? Taken : Refused;

    /// <summary>
    /// Native (a QR code) in an ordinary browser; JSAPI inside WeChat, which needs the buyer's openid first
    /// (<see cref="PayerSignInRequiredException"/> until WeChat sign-in gave it).
    /// </summary>
    public async Task<GatewayStart> StartAsync(GatewayPaymentRequest request, CancellationToken cancellationToken)
    {
        var inWeChat = request.Device == PaymentDevice.WeChat;
        if (inWeChat && request.PayerId is not { Length: > 0 })
        {
            throw new PayerSignInRequiredException(GatewayName);
        }
        var body = new Dictionary<string, object>
        {
            ["appid"] = options.Value.AppId,
            ["mchid"] = options.Value.MchId,
            ["description"] = request.Subject[..Math.Min(request.Subject.Length, 127)],
            ["out_trade_no"] = request.PaymentNumber,
            ["time_expire"] = WeChatPayProtocol.Rfc3339(new DateTimeOffset(request.ExpiresAt, TimeSpan.Zero)),
            ["notify_url"] = request.NotifyUrl,
            ["amount"] = new Dictionary<string, object> { ["total"] = request.Amount.Fen, ["currency"] = "CNY" },
        };
        if (inWeChat)
        {
            body["payer"] = new Dictionary<string, object> { ["openid"] = request.PayerId! };
            return await PrepayInWeChatAsync(body, cancellationToken);
        }
        var answer = await client.SendAsync(HttpMethod.Post, "/v3/pay/transactions/native", body, cancellationToken);
        if (!answer.Ok || answer.Text("code_url") is not { Length: > 0 } codeUrl)
        {
            throw new PaymentGatewayException($"WeChat Pay native prepay: {answer.Code} {answer.Text("message")}");
        }
        var scan = options.Value.SimulatorScanUrl is { Length: > 0 } simulator ? simulator + Uri.EscapeDataString(codeUrl) : null;
        return new QrCodeStart(codeUrl, scan);
    }

    private async Task<GatewayStart> PrepayInWeChatAsync(Dictionary<string, object> body, CancellationToken cancellationToken)
    {
        var prepay = await client.SendAsync(HttpMethod.Post, "/v3/pay/transactions/jsapi", body, cancellationToken);
        if (prepay.Status == 400 && prepay.Code == "INVALID_REQUEST")
        {
            // A second prepay of one out_trade_no with other data (here another WeChat user's openid) breaks WeChat's rule,
            // not a fault of the connection: the simulator says 该订单已由其他用户发起支付, live WeChat Pay "201 商户订单号重复" or
            // "重入请求数据和已存在的业务单据数据不一致". Only a new trade can be paid in this WeChat.
            throw new PaymentStartedByOtherPayerException(GatewayName);
        }
        return prepay.Ok && prepay.Text("prepay_id") is { Length: > 0 } prepayId
            ? new InAppStart(WeChatPayProtocol.JsapiPayment(options.Value.AppId, prepayId, keys.MerchantPrivateKey, clock.GetUtcNow()),
                options.Value.SimulatorBridgeUrl is { Length: > 0 } bridge ? bridge : null)
            : throw new PaymentGatewayException($"WeChat Pay JSAPI prepay: {prepay.Code} {prepay.Text("message")}");
    }

    public GatewayVerification Verify(GatewayCallback callback)
    {
        var body = callback.BodyText;
        if (WeChatPayProtocol.Rejection(callback.Header, body, keys.PlatformKeys, clock.GetUtcNow()) is { } problem)
        {
            return GatewayVerification.Rejected(problem);
        }
        try
        {
            using var envelope = JsonDocument.Parse(body);
            var root = envelope.RootElement;
            var resource = root.GetProperty("resource");
            if (Text(resource, "algorithm") != "AEAD_AES_256_GCM")
            {
                return GatewayVerification.Rejected("algorithm");
            }
            var plain = WeChatPayProtocol.Decrypt(keys.ApiV3Key, Text(resource, "nonce") ?? "", Text(resource, "associated_data") ?? "",
                Text(resource, "ciphertext") ?? "");
            if (plain is null)
            {
                return GatewayVerification.Rejected("decrypt");
            }
            using var sealedDocument = JsonDocument.Parse(plain);
            return Notice(Text(root, "id") ?? "", Text(root, "event_type"), sealedDocument.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return GatewayVerification.Rejected("malformed");
        }
    }

    public async Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.SendAsync(HttpMethod.Post, "/v3/refund/domestic/refunds", new Dictionary<string, object>
            {
                ["out_trade_no"] = request.PaymentNumber,
                ["out_refund_no"] = request.RefundNumber,
                ["reason"] = request.Reason[..Math.Min(request.Reason.Length, 80)],
                ["amount"] = new Dictionary<string, object> { ["refund"] = request.Amount.Fen, ["total"] = request.PaymentAmount.Fen, ["currency"] = "CNY" },
            }, cancellationToken);
            return answer.Ok ? RefundResult(answer) : GatewayRefundResult.Failed($"{answer.Code} {answer.Text("message")}");
        }
        catch (PaymentGatewayException ex)
        {
            return GatewayRefundResult.Failed(ex.Message);
        }
    }

    public async Task<GatewayRefundResult> QueryRefundAsync(string paymentNumber, string refundNumber, CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync(HttpMethod.Get, $"/v3/refund/domestic/refunds/{Uri.EscapeDataString(refundNumber)}", null, cancellationToken);
        return answer.Ok ? RefundResult(answer)
            : answer.Status == 404 ? GatewayRefundResult.Failed(answer.Code)
            : throw new PaymentGatewayException($"WeChat Pay refund query: {answer.Code} {answer.Text("message")}");
    }

    public async Task<GatewayTrade> QueryAsync(string paymentNumber, CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync(HttpMethod.Get,
            $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(paymentNumber)}?mchid={Uri.EscapeDataString(options.Value.MchId)}", null, cancellationToken);
        if (answer.Status == 404)
        {
            return GatewayTrade.NotFound;
        }
        if (!answer.Ok)
        {
            throw new PaymentGatewayException($"WeChat Pay query: {answer.Code} {answer.Text("message")}");
        }
        var state = answer.Text("trade_state") switch
        {
            "SUCCESS" or "REFUND" => GatewayTradeState.Paid,
            "NOTPAY" or "USERPAYING" => GatewayTradeState.WaitingForPayment,
            _ => GatewayTradeState.Closed,
        };
        return new GatewayTrade(state, new Money(answer.Body.GetProperty("amount").GetProperty("total").GetInt64()), answer.Text("transaction_id"));
    }

    /// <summary>The trade bill (ALL) of a day: a signed answer names the file and its SHA-1, then the file is fetched and checked.</summary>
    public async Task<Bills.GatewayBill> DownloadBillAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync(HttpMethod.Get, $"/v3/bill/tradebill?bill_date={day:yyyy-MM-dd}&bill_type=ALL", null, cancellationToken);
        if (!answer.Ok || answer.Text("download_url") is not { } url || answer.Text("hash_value") is not { } hash)
        {
            throw new PaymentGatewayException($"WeChat Pay bill {day:yyyy-MM-dd}: {answer.Code} {answer.Text("message")}");
        }
        var file = await client.DownloadAsync(url, hash, cancellationToken);
        return new Bills.GatewayBill($"wechatpay_{day:yyyyMMdd}_tradebill.csv", file, WeChatPayBill.Parse(file));
    }

    public async Task<bool> CloseAsync(string paymentNumber, CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync(HttpMethod.Post, $"/v3/pay/transactions/out-trade-no/{Uri.EscapeDataString(paymentNumber)}/close",
            new Dictionary<string, object> { ["mchid"] = options.Value.MchId }, cancellationToken);
        if (answer.Ok)
        {
            return true;
        }
        // Refused: paid in the meantime (the caller then settles it), or never opened.
        return (await QueryAsync(paymentNumber, cancellationToken)).State switch
        {
            GatewayTradeState.Paid => false,
            GatewayTradeState.NotFound or GatewayTradeState.Closed => true,
            _ => throw new PaymentGatewayException($"WeChat Pay close: {answer.Code} {answer.Text("message")}"),
        };
    }

    private GatewayVerification Notice(string id, string? eventType, JsonElement resource)
    {
        if (id.Length == 0)
        {
            return GatewayVerification.Rejected("malformed");
        }
        if (Text(resource, "mchid") != options.Value.MchId)
        {
            return GatewayVerification.Rejected($"mchid {Text(resource, "mchid")}");
        }
        var amount = resource.GetProperty("amount");
        if (eventType == "TRANSACTION.SUCCESS")
        {
            if (Text(resource, "appid") != options.Value.AppId)
            {
                return GatewayVerification.Rejected($"appid {Text(resource, "appid")}");
            }
            if (Text(amount, "currency") != "CNY" || Text(resource, "trade_state") != "SUCCESS")
            {
                return GatewayVerification.Rejected($"currency or trade_state {Text(amount, "currency")} {Text(resource, "trade_state")}");
            }
            return GatewayVerification.Verified(new GatewayNotice(id[..Math.Min(id.Length, 100)], Text(resource, "out_trade_no") ?? "",
                Text(resource, "transaction_id"), new Money(amount.GetProperty("total").GetInt64()), Paid: true));
        }
        if (eventType is "REFUND.SUCCESS" or "REFUND.ABNORMAL" or "REFUND.CLOSED")
        {
            var state = eventType == "REFUND.SUCCESS" ? GatewayRefundState.Succeeded : GatewayRefundState.Failed;
            return GatewayVerification.Verified(new GatewayRefundNotice(id[..Math.Min(id.Length, 100)], Text(resource, "out_trade_no") ?? "",
                Text(resource, "out_refund_no") ?? "", Text(resource, "refund_id"), new Money(amount.GetProperty("refund").GetInt64()), state));
        }
        return GatewayVerification.Rejected($"event_type {eventType}");
    }

    private static GatewayRefundResult RefundResult(WeChatPayAnswer answer) => answer.Text("status") switch
    {
        "SUCCESS" => GatewayRefundResult.Done(answer.Text("refund_id")),
        "PROCESSING" => GatewayRefundResult.Processing(answer.Text("refund_id")),
        var status => GatewayRefundResult.Failed(status),
    };

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
