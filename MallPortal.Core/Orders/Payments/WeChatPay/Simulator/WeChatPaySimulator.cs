using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments.Simulators;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.WeChatPay.Simulator;

/// <summary>A simulated API v3 answer: status, JSON body and the signed Wechatpay-* headers.</summary>
public sealed record SimulatedWeChatAnswer(int Status, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A local WeChat Pay API v3: verifies each request's Authorization as WeChat Pay does (merchant, certificate serial,
/// five-minute window, signature over method, path, timestamp, nonce and body), signs every answer with its own key,
/// keeps Native trades, lets a simulated phone "scan" and pay, sends sealed notifications on WeChat Pay's schedule
/// (15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 60m, 3h, 3h, 3h, 6h, 6h) until answered 2xx, and pays refunds back
/// after <see cref="RefundDelay"/> (answering PROCESSING until then).
/// </summary>
public sealed partial class WeChatPaySimulator(WeChatPaySimulatorKeys keys, IOptions<WeChatPayOptions> shop, IHttpClientFactory clients, TimeProvider clock,
    ILogger<WeChatPaySimulator> logger)
{
    public const string NotifyClientName = "wechatpay-simulator-notify";

    public static readonly TimeSpan[] RetrySchedule =
        new[] { 15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600 }.Select(s => TimeSpan.FromSeconds(s)).ToArray();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedWeChatTrade> _trades = [];
    private readonly Dictionary<string, string> _bills = [];
    private readonly SimulatorOutbox _outbox = new(clients, NotifyClientName, RetrySchedule, (status, _) => status is >= 200 and < 300, clock, logger);

    public SimulatorBehaviour Behaviour => _outbox.Behaviour;

    public IReadOnlyList<SimulatedNotification> Outbox => _outbox.Items;

    public TimeSpan RefundDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Refunds end ABNORMAL (a closed card) instead of SUCCESS.</summary>
    public bool RefundsFail { get; set; }

    public Task<int> DeliverDueAsync(CancellationToken cancellationToken = default) => _outbox.DeliverDueAsync(cancellationToken);

    public SimulatedWeChatTrade? FindByCodeUrl(string codeUrl)
    {
        lock (_gate)
        {
            return _trades.Values.SingleOrDefault(t => t.CodeUrl == codeUrl);
        }
    }

    public SimulatedWeChatTrade? Find(string outTradeNo)
    {
        lock (_gate)
        {
            return _trades.GetValueOrDefault(outTradeNo);
        }
    }

    /// <summary>One API call as WeChat Pay answers it.</summary>
    public SimulatedWeChatAnswer Handle(string method, string pathAndQuery, string? authorization, string body)
    {
        var refused = Check(method, pathAndQuery, authorization, body);
        // The bill file itself comes unsigned (the shop checks its SHA-1 from the signed answer that named it).
        if (refused is null && method == "GET" && pathAndQuery.StartsWith(BillFilePath, StringComparison.Ordinal))
        {
            lock (_gate)
            {
                return _bills.TryGetValue(pathAndQuery[(BillFilePath.Length + 7)..], out var file)
                    ? new SimulatedWeChatAnswer(200, file, new Dictionary<string, string>())
                    : new SimulatedWeChatAnswer(404, Error("NO_STATEMENT_EXIST", "账单文件不存在").ToJsonString(), new Dictionary<string, string>());
            }
        }
        var (status, answer) = refused is not null ? (401, Error("SIGN_ERROR", refused)) : Route(method, pathAndQuery, body);
        var text = answer?.ToJsonString() ?? "";
        return new SimulatedWeChatAnswer(status, text, WeChatPayProtocol.SignedHeaders(text, WeChatPaySimulatorKeys.PlatformKeyId, keys.PlatformPrivateKey, clock.GetUtcNow()));
    }

    /// <summary>The buyer's phone scanned the code and paid: the notification goes out (as <see cref="Behaviour"/> says).</summary>
    public Task PayAsync(string codeUrl, CancellationToken cancellationToken = default)
    {
        SimulatedWeChatTrade trade;
        lock (_gate)
        {
            trade = _trades.Values.SingleOrDefault(t => t.CodeUrl == codeUrl) ?? throw new InvalidOperationException("二维码已失效");
        }
        return PayAsync(trade, cancellationToken);
    }

    private async Task PayAsync(SimulatedWeChatTrade trade, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (trade.State == "CLOSED" || clock.GetUtcNow() > trade.ExpiresAt)
            {
                throw new InvalidOperationException("订单已关闭");
            }
            if (trade.State == "NOTPAY")
            {
                (trade.State, trade.PaidAt) = ("SUCCESS", clock.GetUtcNow());
                Notify(trade.NotifyUrl, "TRANSACTION.SUCCESS", "支付成功", "transaction", Transaction(trade, Behaviour.AmountSkewFen), TimeSpan.Zero);
            }
        }
        await DeliverDueAsync(cancellationToken);
    }

    /// <summary>A notification as the simulator would send it, for tests to tamper with: the resource (before sealing) and the envelope.</summary>
    public (string Body, Dictionary<string, string> Headers) SignedNotification(string outTradeNo, Action<JsonObject>? changeResource = null,
        string eventType = "TRANSACTION.SUCCESS", DateTimeOffset? signedAt = null)
    {
        var trade = Find(outTradeNo) ?? throw new InvalidOperationException("订单不存在");
        var resource = eventType.StartsWith("REFUND", StringComparison.Ordinal) ? RefundResource(trade, trade.Refunds.Values.First()) : Transaction(trade, 0);
        resource["trade_state"] = "SUCCESS";
        changeResource?.Invoke(resource);
        var body = Envelope(eventType, "通知", "transaction", resource);
        return (body, WeChatPayProtocol.SignedHeaders(body, WeChatPaySimulatorKeys.PlatformKeyId, keys.PlatformPrivateKey, signedAt ?? clock.GetUtcNow()));
    }

    private string? Check(string method, string pathAndQuery, string? authorization, string body)
    {
        var items = WeChatPayProtocol.ParseAuthorization(authorization);
        if (items is null || !items.TryGetValue("mchid", out var mchId) || !items.TryGetValue("nonce_str", out var nonce)
            || !items.TryGetValue("timestamp", out var timestamp) || !items.TryGetValue("serial_no", out var serial) || !items.TryGetValue("signature", out var signature))
        {
            return "Authorization 格式错误";
        }
        if (mchId != shop.Value.MchId || serial != keys.MerchantSerialNo)
        {
            return "商户号或证书序列号不匹配";
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 32503680000
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() >= WeChatPayProtocol.ReplayWindow)
        {
            return "请求时间戳已过期";
        }
        return Sha256WithRsa.Verify(WeChatPayProtocol.RequestMessage(method, pathAndQuery, timestamp, nonce, body), signature, keys.MerchantPublicKey)
            ? null
            : "签名错误";
    }

    private (int Status, JsonObject? Body) Route(string method, string pathAndQuery, string body)
    {
        var path = pathAndQuery.Split('?')[0];
        JsonObject? request = null;
        try
        {
            request = body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null;
        }
        catch (JsonException)
        {
            return (400, Error("PARAM_ERROR", "请求体不是 JSON"));
        }
        lock (_gate)
        {
            return (method, path) switch
            {
                ("POST", "/v3/pay/transactions/native") => Prepay(request),
                ("POST", "/v3/pay/transactions/jsapi") => PrepayInApp(request),
                ("POST", "/v3/refund/domestic/refunds") => Refund(request),
                ("GET", _) when path.StartsWith("/v3/pay/transactions/out-trade-no/", StringComparison.Ordinal) =>
                    _trades.TryGetValue(Uri.UnescapeDataString(path[34..]), out var trade) ? (200, Transaction(trade, 0)) : (404, Error("ORDER_NOT_EXIST", "订单不存在")),
                ("POST", _) when path.StartsWith("/v3/pay/transactions/out-trade-no/", StringComparison.Ordinal) && path.EndsWith("/close", StringComparison.Ordinal) =>
                    Close(Uri.UnescapeDataString(path[34..^6])),
                ("GET", _) when path.StartsWith("/v3/refund/domestic/refunds/", StringComparison.Ordinal) => RefundOf(Uri.UnescapeDataString(path[28..])),
                ("GET", "/v3/bill/tradebill") => TradeBill(pathAndQuery),
                _ => (404, Error("NOT_FOUND", "接口不存在")),
            };
        }
    }

    private (int, JsonObject?) Prepay(JsonObject? request)
    {
        if (request?["appid"]?.GetValue<string>() != shop.Value.AppId || request["mchid"]?.GetValue<string>() != shop.Value.MchId)
        {
            return (400, Error("APPID_MCHID_NOT_MATCH", "AppID 和 mch_id 不匹配"));
        }
        var outTradeNo = request["out_trade_no"]?.GetValue<string>() ?? "";
        var total = request["amount"]?["total"]?.GetValue<long>() ?? 0;
        if (outTradeNo.Length == 0 || total <= 0 || request["notify_url"]?.GetValue<string>() is not { Length: > 0 } notifyUrl)
        {
            return (400, Error("PARAM_ERROR", "参数错误"));
        }
        if (_trades.TryGetValue(outTradeNo, out var known))
        {
            return known.Amount.Fen != total ? (400, Error("INVALID_REQUEST", "订单号重复"))
                : known.State == "CLOSED" ? (400, Error("ORDER_CLOSED", "订单已关闭"))
                : (200, new JsonObject { ["code_url"] = known.CodeUrl });
        }
        var expires = DateTimeOffset.TryParse(request["time_expire"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : clock.GetUtcNow().AddHours(2);
        var trade = new SimulatedWeChatTrade("4200" + Digits(24), outTradeNo, new Money(total), request["description"]?.GetValue<string>() ?? "",
            notifyUrl, "weixin://wxpay/bizpayurl?pr=" + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 9), expires);
        _trades[outTradeNo] = trade;
        return (200, new JsonObject { ["code_url"] = trade.CodeUrl });
    }

    private (int, JsonObject?) Close(string outTradeNo)
    {
        if (!_trades.TryGetValue(outTradeNo, out var trade))
        {
            return (404, Error("ORDER_NOT_EXIST", "订单不存在"));
        }
        if (trade.State != "NOTPAY" && trade.State != "CLOSED")
        {
            return (400, Error("ORDERPAID", "订单已支付"));
        }
        trade.State = "CLOSED";
        return (204, null);
    }

    private JsonObject Transaction(SimulatedWeChatTrade trade, long skew) => new()
    {
        ["appid"] = shop.Value.AppId,
        ["mchid"] = shop.Value.MchId,
        ["out_trade_no"] = trade.OutTradeNo,
        ["transaction_id"] = trade.State == "NOTPAY" ? null : trade.TransactionId,
        ["trade_type"] = trade.OpenId is null ? "NATIVE" : "JSAPI",
        ["trade_state"] = trade.State,
        ["trade_state_desc"] = trade.State == "SUCCESS" ? "支付成功" : trade.State,
        ["bank_type"] = "OTHERS",
        ["success_time"] = trade.PaidAt is { } paid ? WeChatPayProtocol.Rfc3339(paid) : null,
        ["payer"] = new JsonObject { ["openid"] = trade.OpenId ?? "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
        ["amount"] = new JsonObject
        {
            ["total"] = trade.Amount.Fen + skew, ["payer_total"] = trade.Amount.Fen + skew, ["currency"] = "CNY", ["payer_currency"] = "CNY",
        },
    };

    private JsonObject RefundResource(SimulatedWeChatTrade trade, SimulatedWeChatRefund refund, DateTimeOffset? at = null) => new()
    {
        ["mchid"] = shop.Value.MchId,
        ["out_trade_no"] = trade.OutTradeNo,
        ["transaction_id"] = trade.TransactionId,
        ["out_refund_no"] = refund.OutRefundNo,
        ["refund_id"] = refund.RefundId,
        ["status"] = refund.StatusAt(at ?? clock.GetUtcNow()),
        ["refund_status"] = refund.StatusAt(at ?? clock.GetUtcNow()),
        ["amount"] = new JsonObject
        {
            ["total"] = trade.Amount.Fen, ["refund"] = refund.Amount.Fen, ["payer_total"] = trade.Amount.Fen, ["payer_refund"] = refund.Amount.Fen,
            ["currency"] = "CNY",
        },
    };

    private void Notify(string url, string eventType, string summary, string associatedData, JsonObject resource, TimeSpan after)
    {
        var body = Envelope(eventType, summary, associatedData, resource);
        _outbox.Enqueue(url, "application/json", body, sign: text =>
            WeChatPayProtocol.SignedHeaders(text, WeChatPaySimulatorKeys.PlatformKeyId, keys.PlatformPrivateKey, clock.GetUtcNow()), delay: after);
    }

    private string Envelope(string eventType, string summary, string associatedData, JsonObject resource)
    {
        var nonce = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12);
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["create_time"] = WeChatPayProtocol.Rfc3339(clock.GetUtcNow()),
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = eventType,
            ["summary"] = summary,
            ["resource"] = new JsonObject
            {
                ["original_type"] = associatedData,
                ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = WeChatPayProtocol.Encrypt(keys.ApiV3Key, nonce, associatedData, resource.ToJsonString()),
                ["associated_data"] = associatedData,
                ["nonce"] = nonce,
            },
        }.ToJsonString();
    }

    private static JsonObject Error(string code, string message) => new() { ["code"] = code, ["message"] = message };

    private static string Digits(int count) => RandomNumberGenerator.GetString("0123456789", count);
}
