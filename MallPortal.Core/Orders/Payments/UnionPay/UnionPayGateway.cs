using MallPortal.Core.Common;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.UnionPay;

/// <summary>
/// 银联在线支付 (online gateway 5.1.0): the front transaction posted from the buyer's browser (channel 07 on a computer, 08
/// on a phone), the back notification (certificate chain, then SHA-256 and SHA256withRSA), query by orderId and txnTime,
/// and refunds, which UnionPay accepts and finishes later (a refund notification or a query says how they ended).
/// Unpaid trades lapse at their payTimeout: UnionPay has no close.
/// </summary>
public sealed class UnionPayGateway(UnionPayClient client, IOptions<UnionPayOptions> options, BusinessTimeZone zone, TimeProvider clock)
    : IPaymentGateway, Bills.IBillSource
{
    public const string GatewayName = "unionpay";

    private static readonly string[] InProgress = ["03", "04", "05"];

    private volatile string? _seenNotifyUrl;

    public string Name => GatewayName;

    public GatewayCapabilities Capabilities => GatewayCapabilities.Refund | GatewayCapabilities.PartialRefund | GatewayCapabilities.Query;

    public bool PaysOnline => true;

    public GatewayAnswer Answer(bool accepted) => accepted ? UnionPayProtocol.Acknowledgement : UnionPayProtocol.Refusal;

    public Task<GatewayStart> StartAsync(GatewayPaymentRequest request, CancellationToken cancellationToken)
    {
        _seenNotifyUrl = request.NotifyUrl;
        var fields = client.Fields(UnionPayProtocol.Consume, "01", request.PaymentNumber, UnionPayProtocol.TxnTime(request.PaymentNumber, zone),
            request.Device == PaymentDevice.Phone ? "08" : "07");
        fields["txnAmt"] = UnionPayProtocol.Fen(request.Amount);
        fields["currencyCode"] = UnionPayProtocol.Yuan;
        fields["frontUrl"] = ReturnAddress(request.NotifyUrl);
        fields["backUrl"] = request.NotifyUrl;
        fields["payTimeout"] = UnionPayProtocol.ChinaTime(new DateTimeOffset(request.ExpiresAt, TimeSpan.Zero));
        fields["riskRateInfo"] = "{commodityName=" + new string(request.Subject.Where(c => c is not ('{' or '}' or '&' or '=')).Take(60).ToArray()) + "}";
        var front = options.Value.FrontTransUrl is { Length: > 0 } url ? url : options.Value.GatewayUrl.TrimEnd('/') + UnionPayProtocol.FrontPath;
        return Task.FromResult<GatewayStart>(new FormStart(front, client.Sign(fields).ToList()));
    }

    /// <summary>frontUrl: UnionPay posts the buyer's browser back there, so it is a plain endpoint beside the notification's.</summary>
    public static string ReturnAddress(string notifyUrl) => notifyUrl.Replace("/payments/notify/", "/payments/return/", StringComparison.Ordinal);

    public GatewayVerification Verify(GatewayCallback callback)
    {
        var fields = callback.Form;
        if (client.Untrusted(fields) is { } reason)
        {
            return GatewayVerification.Rejected(reason);
        }
        if (fields.GetValueOrDefault("orderId") is not { Length: > 0 } orderId || fields.GetValueOrDefault("queryId") is not { Length: > 0 } queryId
            || UnionPayProtocol.ParseFen(fields.GetValueOrDefault("txnAmt")) is not { } amount || fields.GetValueOrDefault("respCode") is not { Length: > 0 } code)
        {
            return GatewayVerification.Rejected("malformed");
        }
        var key = $"{fields.GetValueOrDefault("txnType")}-{queryId}-{code}";
        return fields.GetValueOrDefault("txnType") switch
        {
            UnionPayProtocol.Consume => GatewayVerification.Verified(new GatewayNotice(key, orderId, queryId, amount, code == UnionPayProtocol.Success)),
            UnionPayProtocol.Refund when fields.GetValueOrDefault("reqReserved") is { Length: > 0 } paymentNumber =>
                GatewayVerification.Verified(new GatewayRefundNotice(key, paymentNumber, orderId, queryId, amount,
                    code == UnionPayProtocol.Success ? GatewayRefundState.Succeeded : GatewayRefundState.Failed)),
            var other => GatewayVerification.Rejected($"txnType {other}"),
        };
    }

    public async Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var paid = request.GatewayTradeNo ?? (await QueryAsync(request.PaymentNumber, cancellationToken)).GatewayTradeNo
                ?? throw new PaymentGatewayException("UnionPay refund: the payment has no queryId");
            var fields = client.Fields(UnionPayProtocol.Refund, "00", request.RefundNumber, UnionPayProtocol.TxnTime(request.RefundNumber, zone));
            fields["origQryId"] = paid;
            fields["txnAmt"] = UnionPayProtocol.Fen(request.Amount);
            fields["currencyCode"] = UnionPayProtocol.Yuan;
            fields["backUrl"] = RefundNotifyUrl();
            fields["reqReserved"] = request.PaymentNumber;
            var answer = await client.CallAsync(UnionPayProtocol.BackPath, fields, cancellationToken);
            return answer.GetValueOrDefault("respCode") switch
            {
                // Taken: the money moves later; the refund notification or a query says how it ended.
                UnionPayProtocol.Success => GatewayRefundResult.Processing(answer.GetValueOrDefault("queryId")),
                var code when InProgress.Contains(code) => GatewayRefundResult.Processing(null),
                UnionPayProtocol.Duplicate => await QueryRefundAsync(request.PaymentNumber, request.RefundNumber, cancellationToken),
                _ => GatewayRefundResult.Failed($"{answer.GetValueOrDefault("respCode")} {answer.GetValueOrDefault("respMsg")}"),
            };
        }
        catch (PaymentGatewayException ex)
        {
            return GatewayRefundResult.Failed(ex.Message);
        }
    }

    public async Task<GatewayRefundResult> QueryRefundAsync(string paymentNumber, string refundNumber, CancellationToken cancellationToken)
    {
        var answer = await QueryTransactionAsync(refundNumber, cancellationToken);
        return answer.GetValueOrDefault("respCode") != UnionPayProtocol.Success
            ? GatewayRefundResult.Failed($"{answer.GetValueOrDefault("respCode")} {answer.GetValueOrDefault("respMsg")}")
            : answer.GetValueOrDefault("origRespCode") switch
            {
                UnionPayProtocol.Success => GatewayRefundResult.Done(answer.GetValueOrDefault("queryId")),
                var code when InProgress.Contains(code) => GatewayRefundResult.Processing(answer.GetValueOrDefault("queryId")),
                _ => GatewayRefundResult.Failed($"{answer.GetValueOrDefault("origRespCode")} {answer.GetValueOrDefault("origRespMsg")}"),
            };
    }

    public async Task<GatewayTrade> QueryAsync(string paymentNumber, CancellationToken cancellationToken)
    {
        var answer = await QueryTransactionAsync(paymentNumber, cancellationToken);
        var code = answer.GetValueOrDefault("respCode");
        if (code == UnionPayProtocol.NotFound)
        {
            return GatewayTrade.NotFound;
        }
        if (code != UnionPayProtocol.Success || UnionPayProtocol.ParseFen(answer.GetValueOrDefault("txnAmt")) is not { } amount)
        {
            throw new PaymentGatewayException($"UnionPay query: {code} {answer.GetValueOrDefault("respMsg")}");
        }
        return answer.GetValueOrDefault("origRespCode") == UnionPayProtocol.Success
            ? new GatewayTrade(GatewayTradeState.Paid, amount, answer.GetValueOrDefault("queryId"))
            : new GatewayTrade(GatewayTradeState.WaitingForPayment, amount, null);
    }

    /// <summary>
    /// UnionPay has no close: an unpaid trade lapses at its payTimeout (the order's pay-by time). So "closed" means "not
    /// paid, as the query says"; a payment that still arrives for a cancelled order is refunded as any late payment is.
    /// </summary>
    public async Task<bool> CloseAsync(string paymentNumber, CancellationToken cancellationToken) =>
        (await QueryAsync(paymentNumber, cancellationToken)).State != GatewayTradeState.Paid;

    /// <summary>
    /// The reconciliation file of a settlement day (settleDate MMdd; UnionPay's day is taken as the China calendar day,
    /// so a transaction between its 23:00 cut-off and midnight shows as a difference on both days, resolved once).
    /// </summary>
    public async Task<Bills.GatewayBill> DownloadBillAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var fields = client.Fields("76", "01", "", UnionPayProtocol.ChinaTime(clock.GetUtcNow()));
        fields.Remove("orderId");
        (fields["bizType"], fields["fileType"], fields["settleDate"]) = ("000000", "00", $"{day:MMdd}");
        var answer = await client.CallAsync(options.Value.FileTransferUrl, fields, cancellationToken);
        if (answer.GetValueOrDefault("respCode") != UnionPayProtocol.Success || answer.GetValueOrDefault("fileContent") is not { Length: > 0 } content)
        {
            throw new PaymentGatewayException($"UnionPay bill {day:yyyy-MM-dd}: {answer.GetValueOrDefault("respCode")} {answer.GetValueOrDefault("respMsg")}");
        }
        var zip = UnionPayBill.Unpack(content);
        return new Bills.GatewayBill(answer.GetValueOrDefault("fileName") is { Length: > 0 } name ? name : $"unionpay_{day:yyyyMMdd}.zip", zip, UnionPayBill.Parse(zip, day));
    }

    private Task<Dictionary<string, string>> QueryTransactionAsync(string number, CancellationToken cancellationToken)
    {
        var fields = client.Fields(UnionPayProtocol.Query, "00", number, UnionPayProtocol.TxnTime(number, zone));
        fields["bizType"] = "000000";
        return client.CallAsync(UnionPayProtocol.QueryPath, fields, cancellationToken);
    }

    private string RefundNotifyUrl() =>
        options.Value.RefundNotifyUrl is { Length: > 0 } configured ? configured
            : _seenNotifyUrl ?? throw new PaymentGatewayException("UnionPay refund: set Web:PublicBaseUrl (or Payments:UnionPay:RefundNotifyUrl) so UnionPay can report it");
}
