using System.Globalization;
using System.Security.Cryptography;
using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments.Simulators;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.UnionPay.Simulator;

/// <summary>
/// A local UnionPay online gateway: checks the shop's requests as UnionPay does (certId, signature, merId — a wrong one
/// gets UnionPay's answer code), opens a card cashier for the front transaction, signs its answers and notifications
/// with a certificate under its own root, sends back notifications until the shop answers HTTP 200, answers query and
/// refund (a refund is in progress for <see cref="RefundDelay"/>, then notified), and can be told to misbehave
/// (<see cref="Behaviour"/>). Its trades live in memory.
/// </summary>
public sealed partial class UnionPaySimulator(UnionPaySimulatorKeys keys, IOptions<UnionPayOptions> shop, IHttpClientFactory clients, TimeProvider clock,
    ILogger<UnionPaySimulator> logger)
{
    public const string NotifyClientName = "unionpay-simulator-notify";

    /// <summary>A UnionPay test debit card; any 16 to 19 digits pass, a number ending 0002 is declined.</summary>
    public const string TestCard = "6216261000000000018";

    /// <summary>UnionPay resends an unanswered back notification; its exact intervals are not published, these are typical.</summary>
    public static readonly TimeSpan[] RetrySchedule =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(16)];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedUnionPayTrade> _trades = [];
    private readonly SimulatorOutbox _outbox = new(clients, NotifyClientName, RetrySchedule, (status, _) => status == 200, clock, logger);

    public SimulatorBehaviour Behaviour => _outbox.Behaviour;

    public IReadOnlyList<SimulatedNotification> Outbox => _outbox.Items;

    /// <summary>How long a refund stays in progress (origRespCode 05) before it ends and is notified.</summary>
    public TimeSpan RefundDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Refunds end failed (the card was closed) instead of succeeding.</summary>
    public bool RefundsFail { get; set; }

    public Task<int> DeliverDueAsync(CancellationToken cancellationToken = default) => _outbox.DeliverDueAsync(cancellationToken);

    public SimulatedUnionPayTrade? Find(string orderId)
    {
        lock (_gate)
        {
            return _trades.GetValueOrDefault(orderId);
        }
    }

    /// <summary>The buyer's browser posting a front transaction: the trade for the card cashier, or UnionPay's answer code and message.</summary>
    public (SimulatedUnionPayTrade? Trade, string? Error) OpenCashier(IReadOnlyDictionary<string, string> form)
    {
        if (Check(form) is { } error)
        {
            return (null, error);
        }
        if (form.GetValueOrDefault("txnType") != UnionPayProtocol.Consume || form.GetValueOrDefault("orderId") is not { Length: >= 8 and <= 40 } orderId
            || UnionPayProtocol.ParseFen(form.GetValueOrDefault("txnAmt")) is not { Fen: > 0 } amount || form.GetValueOrDefault("currencyCode") != UnionPayProtocol.Yuan
            || form.GetValueOrDefault("backUrl") is not { Length: > 0 } backUrl || UnionPayProtocol.ParseChinaTime(form.GetValueOrDefault("txnTime")) is null)
        {
            return (null, "13：报文交易要素缺失");
        }
        var timeout = UnionPayProtocol.ParseChinaTime(form.GetValueOrDefault("payTimeout")) ?? clock.GetUtcNow().AddMinutes(30);
        if (timeout <= clock.GetUtcNow())
        {
            return (null, "39：交易已超过支付时间");
        }
        lock (_gate)
        {
            if (_trades.TryGetValue(orderId, out var known))
            {
                return known.TxnTime != form["txnTime"] || known.Amount != amount ? (null, "12：重复交易（订单号重复）")
                    : known.QueryId is not null ? (null, "12：重复交易（该订单已支付）")
                    : (known, null);
            }
            var subject = form.GetValueOrDefault("riskRateInfo") is { } risk && risk.StartsWith("{commodityName=", StringComparison.Ordinal) ? risk[15..^1] : "";
            var trade = new SimulatedUnionPayTrade(orderId, form["txnTime"], amount, subject, form.GetValueOrDefault("frontUrl") ?? "", backUrl,
                form.GetValueOrDefault("channelType") ?? "07", timeout);
            _trades[orderId] = trade;
            return (trade, null);
        }
    }

    /// <summary>
    /// The buyer paid by card at the cashier: the back notification goes out (as <see cref="Behaviour"/> says); returns the
    /// front notification the browser posts to frontUrl. A declined card throws with UnionPay's message.
    /// </summary>
    public async Task<(string FrontUrl, Dictionary<string, string> Fields)> PayAsync(string orderId, string card, CancellationToken cancellationToken = default)
    {
        var digits = new string(card.Where(char.IsAsciiDigit).ToArray());
        Dictionary<string, string> front;
        SimulatedUnionPayTrade trade;
        lock (_gate)
        {
            trade = _trades.GetValueOrDefault(orderId) ?? throw new InvalidOperationException("34：查无此交易");
            if (digits.Length is < 16 or > 19)
            {
                throw new InvalidOperationException("卡号格式不正确，请输入 16 至 19 位银联卡号");
            }
            if (digits.EndsWith("0002", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("30：交易未通过，请尝试使用其他银联卡支付或联系 95516");
            }
            if (trade.QueryId is null)
            {
                if (clock.GetUtcNow() > trade.PayTimeout)
                {
                    throw new InvalidOperationException("39：交易已超过支付时间");
                }
                (trade.QueryId, trade.PaidAt, trade.Card) = (Digits(21), clock.GetUtcNow(), digits[..6] + new string('*', digits.Length - 10) + digits[^4..]);
                var back = Signed(ConsumeFields(trade, Behaviour.AmountSkewFen), null, null);
                _outbox.Enqueue(trade.BackUrl, "application/x-www-form-urlencoded", Form(back), back);
            }
            front = Signed(ConsumeFields(trade, 0), null, null);
        }
        await DeliverDueAsync(cancellationToken);
        return (trade.FrontUrl, front);
    }

    /// <summary>A back notification of a paid trade as the simulator signs it, for tests to tamper with (before or after signing).</summary>
    public Dictionary<string, string> SignedNotification(string orderId, Action<Dictionary<string, string>>? change = null, string? certificatePem = null,
        RSA? key = null)
    {
        lock (_gate)
        {
            var fields = ConsumeFields(_trades[orderId], 0);
            change?.Invoke(fields);
            return Signed(fields, certificatePem, key);
        }
    }

    /// <summary>A server call (backTransReq.do refunds, queryTrans.do): UnionPay's k=v answer, signed.</summary>
    public string Answer(string path, IReadOnlyDictionary<string, string> form)
    {
        var answer = new Dictionary<string, string>
        {
            ["version"] = UnionPayProtocol.Version, ["encoding"] = "UTF-8", ["signMethod"] = UnionPayProtocol.SignMethodRsa,
            ["txnType"] = form.GetValueOrDefault("txnType") ?? "", ["txnSubType"] = form.GetValueOrDefault("txnSubType") ?? "",
            ["bizType"] = form.GetValueOrDefault("bizType") ?? "", ["accessType"] = "0", ["merId"] = form.GetValueOrDefault("merId") ?? "",
            ["orderId"] = form.GetValueOrDefault("orderId") ?? "", ["txnTime"] = form.GetValueOrDefault("txnTime") ?? "",
        };
        var (code, message) = Check(form) is { } error ? Split(error)
            : (path, form.GetValueOrDefault("txnType")) switch
            {
                (UnionPayProtocol.QueryPath, UnionPayProtocol.Query) => Query(form, answer),
                (UnionPayProtocol.BackPath, UnionPayProtocol.Refund) => Refund(form, answer),
                ("/", FileTransfer) => Bill(form, answer),
                _ => ("10", "报文格式错误"),
            };
        (answer["respCode"], answer["respMsg"]) = (code, message);
        return UnionPayProtocol.Format(Signed(answer, null, null));
    }

    /// <summary>Checks a request as UnionPay does: version, the merchant's certId and signature, then the merchant number.</summary>
    private string? Check(IReadOnlyDictionary<string, string> form)
    {
        if (form.GetValueOrDefault("version") != UnionPayProtocol.Version || form.GetValueOrDefault("signMethod") != UnionPayProtocol.SignMethodRsa)
        {
            return "10：报文格式错误";
        }
        if (form.GetValueOrDefault("certId") != keys.MerchantCertId || !UnionPayProtocol.Verify(form, keys.MerchantKey))
        {
            return "11：验证签名失败";
        }
        return form.GetValueOrDefault("merId") != shop.Value.MerId ? "31：商户状态不正确" : null;
    }

    private Dictionary<string, string> ConsumeFields(SimulatedUnionPayTrade trade, long skewFen)
    {
        var paid = trade.PaidAt ?? clock.GetUtcNow();
        var china = UnionPayProtocol.ChinaTime(paid);
        return new Dictionary<string, string>
        {
            ["version"] = UnionPayProtocol.Version, ["encoding"] = "UTF-8", ["signMethod"] = UnionPayProtocol.SignMethodRsa,
            ["txnType"] = UnionPayProtocol.Consume, ["txnSubType"] = "01", ["bizType"] = UnionPayProtocol.GatewayBiz, ["accessType"] = "0",
            ["merId"] = shop.Value.MerId, ["orderId"] = trade.OrderId, ["txnTime"] = trade.TxnTime, ["queryId"] = trade.QueryId ?? "",
            ["txnAmt"] = UnionPayProtocol.Fen(trade.Amount + new Money(skewFen)), ["currencyCode"] = UnionPayProtocol.Yuan,
            ["settleAmt"] = UnionPayProtocol.Fen(trade.Amount), ["settleCurrencyCode"] = UnionPayProtocol.Yuan, ["settleDate"] = china[4..8],
            ["traceNo"] = trade.QueryId is { } q ? q[^6..] : "", ["traceTime"] = china[4..], ["accNo"] = trade.Card ?? "", ["payCardType"] = "01",
            ["respCode"] = UnionPayProtocol.Success, ["respMsg"] = "成功[0000000]",
        };
    }

    private Dictionary<string, string> RefundFields(SimulatedUnionPayTrade trade, SimulatedUnionPayRefund refund) => Signed(new Dictionary<string, string>
    {
        ["version"] = UnionPayProtocol.Version, ["encoding"] = "UTF-8", ["signMethod"] = UnionPayProtocol.SignMethodRsa,
        ["txnType"] = UnionPayProtocol.Refund, ["txnSubType"] = "00", ["bizType"] = UnionPayProtocol.GatewayBiz, ["accessType"] = "0",
        ["merId"] = shop.Value.MerId, ["orderId"] = refund.OrderId, ["txnTime"] = refund.TxnTime, ["queryId"] = refund.QueryId,
        ["origQryId"] = trade.QueryId!, ["txnAmt"] = UnionPayProtocol.Fen(refund.Amount), ["currencyCode"] = UnionPayProtocol.Yuan,
        ["reqReserved"] = refund.PaymentNumber, ["respCode"] = refund.Fails ? "01" : UnionPayProtocol.Success,
        ["respMsg"] = refund.Fails ? "交易失败，卡状态异常" : "成功[0000000]",
    }, null, null);

    /// <summary>signPubKeyCert and signature added: signed with UnionPay's key (or, for tests, another certificate and key).</summary>
    private Dictionary<string, string> Signed(Dictionary<string, string> fields, string? certificatePem, RSA? key)
    {
        foreach (var empty in fields.Where(f => f.Value.Length == 0).Select(f => f.Key).ToList())
        {
            fields.Remove(empty);
        }
        fields.Remove("signature");
        fields["signPubKeyCert"] = certificatePem ?? keys.PlatformCertificatePem;
        fields["signature"] = UnionPayProtocol.Sign(fields, key ?? keys.PlatformKey);
        return fields;
    }

    private static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    private static (string, string) Split(string error) => error.Split('：', 2) is [var code, var message] ? (code, message) : ("01", error);

    private static string Digits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
}
