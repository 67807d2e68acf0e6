using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments.Simulators;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.Alipay.Simulator;

/// <summary>
/// A local Alipay open platform: verifies the shop's requests as Alipay does (a wrong signature or app id gets Alipay's
/// error), opens a cashier for page and wap pay, signs its answers and notifications with its own key, sends
/// notifications until the shop answers "success" (Alipay's schedule: 4m, 10m, 10m, 1h, 2h, 6h, 15h), answers query,
/// refund and close, and can be told to misbehave (<see cref="Behaviour"/>). Its trades live in memory.
/// </summary>
public sealed partial class AlipaySimulator(AlipaySimulatorKeys keys, IOptions<AlipayOptions> shop, IHttpClientFactory clients, TimeProvider clock,
    ILogger<AlipaySimulator> logger)
{
    public const string NotifyClientName = "alipay-simulator-notify";

    public const string BuyerId = "2088102177846880";

    public static readonly TimeSpan[] RetrySchedule =
        [TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
         TimeSpan.FromHours(6), TimeSpan.FromHours(15)];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedAlipayTrade> _trades = [];
    private readonly Dictionary<string, byte[]> _bills = [];
    private readonly SimulatorOutbox _outbox = new(clients, NotifyClientName, RetrySchedule, (_, body) => body == AlipayProtocol.SuccessBody, clock, logger);

    public SimulatorBehaviour Behaviour => _outbox.Behaviour;

    public IReadOnlyList<SimulatedNotification> Outbox => _outbox.Items;

    /// <summary>Sends every notification that is due; returns how many the shop acknowledged.</summary>
    public Task<int> DeliverDueAsync(CancellationToken cancellationToken = default) => _outbox.DeliverDueAsync(cancellationToken);

    public SimulatedAlipayTrade? Find(string tradeNo)
    {
        lock (_gate)
        {
            return _trades.Values.SingleOrDefault(t => t.TradeNo == tradeNo);
        }
    }

    public SimulatedAlipayTrade? FindByOutTradeNo(string outTradeNo)
    {
        lock (_gate)
        {
            return _trades.GetValueOrDefault(outTradeNo);
        }
    }

    /// <summary>A server call (query, refund, close): Alipay's JSON answer, signed.</summary>
    public string Answer(IReadOnlyDictionary<string, string> form)
    {
        var method = form.GetValueOrDefault("method") ?? "";
        var node = Check(form) is { } error
            ? Error("40002", "Invalid Arguments", error.SubCode, error.SubMessage)
            : Business(form) is not { } business
                ? Error("40002", "Invalid Arguments", "isv.invalid-biz-content", "biz_content 无效")
                : method switch
                {
                    AlipayProtocol.Query => Query(business),
                    AlipayProtocol.Refund => Refund(business),
                    AlipayProtocol.Close => Close(business),
                    AlipayProtocol.RefundQuery => RefundQuery(business),
                    AlipayProtocol.BillUrl => BillUrl(business),
                    _ => Error("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名"),
                };
        var nodeName = AlipayProtocol.ResponseNode(method.Length > 0 ? method : "error");
        return AlipayProtocol.SignedAnswer(nodeName, JsonSerializer.Serialize(node, AlipayProtocol.Json), keys.PlatformPrivateKey);
    }

    /// <summary>The buyer's browser posting page or wap pay: the trade to show at the cashier, or Alipay's error text.</summary>
    public (SimulatedAlipayTrade? Trade, string? Error) OpenCashier(IReadOnlyDictionary<string, string> form)
    {
        if (Check(form) is { } error)
        {
            return (null, $"{error.SubCode}：{error.SubMessage}");
        }
        if (form.GetValueOrDefault("method") is not (AlipayProtocol.PagePay or AlipayProtocol.WapPay) || Business(form) is not { } business
            || Text(business, "out_trade_no") is not { Length: > 0 } outTradeNo || AlipayProtocol.ParseYuan(Text(business, "total_amount")) is not { Fen: > 0 } amount
            || Text(business, "subject") is not { Length: > 0 } subject)
        {
            return (null, "isv.missing-required-arg：缺少必选参数");
        }
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_trades.TryGetValue(outTradeNo, out var known))
            {
                return known.Amount != amount ? (null, "ACQ.CONTEXT_INCONSISTENT：交易信息被篡改")
                    : known.Status == SimulatedAlipayStatus.TradeClosed ? (null, "ACQ.TRADE_HAS_CLOSE：交易已经关闭")
                    : (known, null);
            }
            var expires = AlipayProtocol.ParseChinaTime(Text(business, "time_expire")) ?? now.AddDays(15);
            if (expires <= now)
            {
                return (null, "ACQ.TRADE_HAS_CLOSE：交易已经关闭");
            }
            var trade = new SimulatedAlipayTrade(now.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "22001" + Digits(15), outTradeNo, amount, subject,
                form.GetValueOrDefault("notify_url") ?? "", form.GetValueOrDefault("return_url") ?? "", Text(business, "quit_url") ?? "", expires, now)
            {
                Method = form["method"],
            };
            _trades[outTradeNo] = trade;
            return (trade, null);
        }
    }

    /// <summary>The buyer paid at the cashier: notifications go out (as <see cref="Behaviour"/> says); returns where the browser goes.</summary>
    public async Task<string> PayAsync(string tradeNo, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        SimulatedAlipayTrade trade;
        lock (_gate)
        {
            trade = _trades.Values.SingleOrDefault(t => t.TradeNo == tradeNo) ?? throw new InvalidOperationException("交易不存在");
            if (trade.Status == SimulatedAlipayStatus.TradeClosed || now > trade.ExpiresAt)
            {
                throw new InvalidOperationException("交易已经关闭");
            }
            if (trade.Status == SimulatedAlipayStatus.WaitBuyerPay)
            {
                (trade.Status, trade.PaidAt) = (SimulatedAlipayStatus.TradeSuccess, now);
                Enqueue(trade, TradeFields(trade, now));
            }
        }
        await DeliverDueAsync(cancellationToken);
        return ReturnUrl(trade, now);
    }

    /// <summary>A notification for a trade as the simulator would sign it, for tests to tamper with.</summary>
    public Dictionary<string, string> SignedNotification(string outTradeNo, Action<Dictionary<string, string>>? change = null)
    {
        var trade = FindByOutTradeNo(outTradeNo) ?? throw new InvalidOperationException("交易不存在");
        var fields = TradeFields(trade, clock.GetUtcNow());
        fields.Remove("sign");
        change?.Invoke(fields);
        fields["sign"] = AlipayProtocol.SignNotification(fields, keys.PlatformPrivateKey);
        return fields;
    }

    private (string SubCode, string SubMessage)? Check(IReadOnlyDictionary<string, string> form)
    {
        if (form.GetValueOrDefault("sign_type") != "RSA2" || !AlipayProtocol.Verify(SignContent.Of(form, "sign"), form.GetValueOrDefault("sign"), keys.AppPublicKey))
        {
            return ("isv.invalid-signature", "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配");
        }
        return form.GetValueOrDefault("app_id") != shop.Value.AppId ? ("isv.invalid-app-id", "无效的AppID参数") : null;
    }

    private Dictionary<string, object?> Query(JsonElement business)
    {
        lock (_gate)
        {
            if (Text(business, "out_trade_no") is not { } outTradeNo || !_trades.TryGetValue(outTradeNo, out var trade))
            {
                return Error("40004", "Business Failed", AlipayProtocol.TradeNotExist, "交易不存在");
            }
            return Success(new()
            {
                ["trade_no"] = trade.TradeNo,
                ["out_trade_no"] = trade.OutTradeNo,
                ["buyer_logon_id"] = "138******00",
                ["buyer_user_id"] = BuyerId,
                ["trade_status"] = trade.StatusText,
                ["total_amount"] = AlipayProtocol.Yuan(trade.Amount),
                ["send_pay_date"] = trade.PaidAt is { } paid ? AlipayProtocol.ChinaTime(paid) : null,
            });
        }
    }

    private Dictionary<string, object?> Close(JsonElement business)
    {
        lock (_gate)
        {
            if (Text(business, "out_trade_no") is not { } outTradeNo || !_trades.TryGetValue(outTradeNo, out var trade))
            {
                return Error("40004", "Business Failed", AlipayProtocol.TradeNotExist, "交易不存在");
            }
            if (trade.Status != SimulatedAlipayStatus.WaitBuyerPay)
            {
                return Error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
            }
            trade.Status = SimulatedAlipayStatus.TradeClosed;
            return Success(new() { ["trade_no"] = trade.TradeNo, ["out_trade_no"] = trade.OutTradeNo });
        }
    }

    private Dictionary<string, string> TradeFields(SimulatedAlipayTrade trade, DateTimeOffset now)
    {
        var total = AlipayProtocol.Yuan(trade.Amount + new Money(Behaviour.AmountSkewFen));
        var fields = new Dictionary<string, string>
        {
            ["notify_time"] = AlipayProtocol.ChinaTime(now),
            ["notify_type"] = "trade_status_sync",
            ["notify_id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["app_id"] = shop.Value.AppId,
            ["charset"] = "utf-8",
            ["version"] = "1.0",
            ["sign_type"] = "RSA2",
            ["trade_no"] = trade.TradeNo,
            ["out_trade_no"] = trade.OutTradeNo,
            ["buyer_id"] = BuyerId,
            ["buyer_logon_id"] = "138******00",
            ["seller_id"] = shop.Value.SellerId,
            ["trade_status"] = trade.StatusText,
            ["total_amount"] = total,
            ["receipt_amount"] = total,
            ["buyer_pay_amount"] = total,
            ["subject"] = trade.Subject,
            ["gmt_create"] = AlipayProtocol.ChinaTime(trade.CreatedAt),
            ["gmt_payment"] = AlipayProtocol.ChinaTime(trade.PaidAt ?? now),
        };
        fields["sign"] = AlipayProtocol.SignNotification(fields, keys.PlatformPrivateKey);
        return fields;
    }

    private void Enqueue(SimulatedAlipayTrade trade, Dictionary<string, string> fields) =>
        _outbox.Enqueue(trade.NotifyUrl, "application/x-www-form-urlencoded",
            string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")), fields);

    private string ReturnUrl(SimulatedAlipayTrade trade, DateTimeOffset now)
    {
        if (trade.Status != SimulatedAlipayStatus.TradeSuccess || trade.ReturnUrl.Length == 0)
        {
            return trade.QuitUrl.Length > 0 ? trade.QuitUrl : trade.ReturnUrl;
        }
        var fields = new Dictionary<string, string>
        {
            ["method"] = "alipay.trade.page.pay.return",
            ["app_id"] = shop.Value.AppId,
            ["charset"] = "utf-8",
            ["version"] = "1.0",
            ["sign_type"] = "RSA2",
            ["timestamp"] = AlipayProtocol.ChinaTime(now),
            ["out_trade_no"] = trade.OutTradeNo,
            ["trade_no"] = trade.TradeNo,
            ["total_amount"] = AlipayProtocol.Yuan(trade.Amount),
            ["seller_id"] = shop.Value.SellerId,
        };
        fields["sign"] = AlipayProtocol.SignNotification(fields, keys.PlatformPrivateKey);
        var separator = trade.ReturnUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return trade.ReturnUrl + separator + string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
    }

    private static JsonElement? Business(IReadOnlyDictionary<string, string> form)
    {
        try
        {
            return form.GetValueOrDefault("biz_content") is { Length: > 0 } json ? JsonDocument.Parse(json).RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, object?> Success(Dictionary<string, object?> fields)
    {
        var node = new Dictionary<string, object?> { ["code"] = AlipayProtocol.SuccessCode, ["msg"] = "Success" };
        foreach (var (key, value) in fields.Where(f => f.Value is not null))
        {
            node[key] = value;
        }
        return node;
    }

    private static Dictionary<string, object?> Error(string code, string message, string subCode, string subMessage) =>
        new() { ["code"] = code, ["msg"] = message, ["sub_code"] = subCode, ["sub_msg"] = subMessage };

    private static string Digits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
}
