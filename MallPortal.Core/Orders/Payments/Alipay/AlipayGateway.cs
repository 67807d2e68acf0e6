using MallPortal.Core.Common;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.Alipay;

/// <summary>
/// 支付宝: page pay on a computer, wap pay on a phone, the async notification (RSA2 over the sorted fields without sign
/// and sign_type, answered "success"), trade query, refund (idempotent by out_request_no) and close.
/// </summary>
public sealed class AlipayGateway(AlipayClient client, AlipayKeys keys, IOptions<AlipayOptions> options) : IPaymentGateway, Bills.IBillSource
{
    public const string GatewayName = "alipay";

    public string Name => GatewayName;

    public GatewayCapabilities Capabilities =>
        GatewayCapabilities.Refund | GatewayCapabilities.PartialRefund | GatewayCapabilities.Query | GatewayCapabilities.Close;

    public bool PaysOnline => true;

    public GatewayAnswer Answer(bool accepted) => accepted ? AlipayProtocol.Acknowledgement : AlipayProtocol.Refusal;

    public Task<GatewayStart> StartAsync(GatewayPaymentRequest request, CancellationToken cancellationToken)
    {
        var phone = request.Device == PaymentDevice.Phone;
        var business = new Dictionary<string, string>
        {
            ["out_trade_no"] = request.PaymentNumber,
            ["total_amount"] = AlipayProtocol.Yuan(request.Amount),
            ["subject"] = Subject(request.Subject),
            ["product_code"] = phone ? "QUICK_WAP_WAY" : "FAST_INSTANT_TRADE_PAY",
            ["time_expire"] = AlipayProtocol.ChinaTime(new DateTimeOffset(request.ExpiresAt, TimeSpan.Zero)),
        };
        if (phone)
        {
            business["quit_url"] = request.ReturnUrl;
        }
        var fields = client.Signed(phone ? AlipayProtocol.WapPay : AlipayProtocol.PagePay, business,
            ("notify_url", request.NotifyUrl), ("return_url", request.ReturnUrl));
        var gateway = options.Value.PageGatewayUrl is { Length: > 0 } page ? page : options.Value.GatewayUrl;
        return Task.FromResult<GatewayStart>(new FormStart(gateway + "?charset=utf-8", fields));
    }

    public GatewayVerification Verify(GatewayCallback callback)
    {
        var fields = callback.Form;
        if (fields.GetValueOrDefault("sign_type") != "RSA2" || !AlipayProtocol.VerifyNotification(fields, keys.AlipayPublicKey))
        {
            return GatewayVerification.Rejected("signature");
        }
        if (fields.GetValueOrDefault("app_id") != options.Value.AppId)
        {
            return GatewayVerification.Rejected($"app_id {fields.GetValueOrDefault("app_id")}");
        }
        if (options.Value.SellerId.Length > 0 && fields.GetValueOrDefault("seller_id") != options.Value.SellerId)
        {
            return GatewayVerification.Rejected($"seller_id {fields.GetValueOrDefault("seller_id")}");
        }
        if (fields.GetValueOrDefault("notify_id") is not { Length: > 0 } id || fields.GetValueOrDefault("out_trade_no") is not { Length: > 0 } number
            || AlipayProtocol.ParseYuan(fields.GetValueOrDefault("total_amount")) is not { } amount)
        {
            return GatewayVerification.Rejected("malformed");
        }
        var paid = fields.GetValueOrDefault("trade_status") is "TRADE_SUCCESS" or "TRADE_FINISHED";
        return GatewayVerification.Verified(new GatewayNotice(id[..Math.Min(id.Length, 100)], number, fields.GetValueOrDefault("trade_no"), amount, paid));
    }

    public async Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var node = await client.CallAsync(AlipayProtocol.Refund, new Dictionary<string, string>
            {
                ["out_trade_no"] = request.PaymentNumber,
                ["refund_amount"] = AlipayProtocol.Yuan(request.Amount),
                ["out_request_no"] = request.RefundNumber,
                ["refund_reason"] = Subject(request.Reason),
            }, cancellationToken);
            // fund_change "N" on a repeated out_request_no: refunded before, not again; still a success.
            return AlipayClient.Code(node) == AlipayProtocol.SuccessCode
                ? GatewayRefundResult.Done(AlipayClient.Text(node, "trade_no"))
                : GatewayRefundResult.Failed(AlipayClient.Text(node, "sub_msg") ?? AlipayClient.Text(node, "msg"));
        }
        catch (PaymentGatewayException ex)
        {
            return GatewayRefundResult.Failed(ex.Message);
        }
    }

    /// <summary>alipay.trade.fastpay.refund.query: REFUND_SUCCESS when paid back; no status yet while it is not.</summary>
    public async Task<GatewayRefundResult> QueryRefundAsync(string paymentNumber, string refundNumber, CancellationToken cancellationToken)
    {
        var node = await client.CallAsync(AlipayProtocol.RefundQuery, new Dictionary<string, string>
        {
            ["out_trade_no"] = paymentNumber,
            ["out_request_no"] = refundNumber,
        }, cancellationToken);
        return AlipayClient.Code(node) != AlipayProtocol.SuccessCode
            ? GatewayRefundResult.Failed(AlipayClient.Text(node, "sub_msg") ?? AlipayClient.Text(node, "msg"))
            : AlipayClient.Text(node, "refund_status") == "REFUND_SUCCESS"
                ? GatewayRefundResult.Done(AlipayClient.Text(node, "trade_no"))
                : GatewayRefundResult.Processing(AlipayClient.Text(node, "trade_no"));
    }

    public async Task<GatewayTrade> QueryAsync(string paymentNumber, CancellationToken cancellationToken)
    {
        var node = await client.CallAsync(AlipayProtocol.Query, new Dictionary<string, string> { ["out_trade_no"] = paymentNumber }, cancellationToken);
        if (AlipayClient.Code(node) != AlipayProtocol.SuccessCode)
        {
            return AlipayClient.Text(node, "sub_code") == AlipayProtocol.TradeNotExist
                ? GatewayTrade.NotFound
                : throw new PaymentGatewayException($"Alipay query: {AlipayClient.Text(node, "sub_code")} {AlipayClient.Text(node, "sub_msg")}");
        }
        var state = AlipayClient.Text(node, "trade_status") switch
        {
            "TRADE_SUCCESS" or "TRADE_FINISHED" => GatewayTradeState.Paid,
            "TRADE_CLOSED" => GatewayTradeState.Closed,
            _ => GatewayTradeState.WaitingForPayment,
        };
        var amount = AlipayProtocol.ParseYuan(AlipayClient.Text(node, "total_amount"))
            ?? throw new PaymentGatewayException("Alipay query: no total_amount");
        return new GatewayTrade(state, amount, AlipayClient.Text(node, "trade_no"));
    }

    /// <summary>The trade bill of a day: the signed answer gives a short-lived address of the zip, fetched at once.</summary>
    public async Task<Bills.GatewayBill> DownloadBillAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var node = await client.CallAsync(AlipayProtocol.BillUrl, new Dictionary<string, string> { ["bill_type"] = "trade", ["bill_date"] = $"{day:yyyy-MM-dd}" },
            cancellationToken);
        if (AlipayClient.Code(node) != AlipayProtocol.SuccessCode || AlipayClient.Text(node, "bill_download_url") is not { } url)
        {
            throw new PaymentGatewayException($"Alipay bill {day:yyyy-MM-dd}: {AlipayClient.Text(node, "sub_code")} {AlipayClient.Text(node, "sub_msg")}");
        }
        var zip = await client.DownloadAsync(url, cancellationToken);
        return new Bills.GatewayBill($"alipay_{day:yyyyMMdd}_trade.zip", zip, AlipayBill.Parse(zip));
    }

    public async Task<bool> CloseAsync(string paymentNumber, CancellationToken cancellationToken)
    {
        var node = await client.CallAsync(AlipayProtocol.Close, new Dictionary<string, string> { ["out_trade_no"] = paymentNumber }, cancellationToken);
        var subCode = AlipayClient.Text(node, "sub_code");
        // Never opened (the buyer did not reach the cashier) is as good as closed; a paid trade cannot be closed.
        return AlipayClient.Code(node) == AlipayProtocol.SuccessCode || subCode == AlipayProtocol.TradeNotExist
            || (subCode == "ACQ.TRADE_STATUS_ERROR" ? false : throw new PaymentGatewayException($"Alipay close: {subCode} {AlipayClient.Text(node, "sub_msg")}"));
    }

    /// <summary>Alipay refuses / = &amp; in a subject; 256 characters at most.</summary>
    private static string Subject(string text)
    {
        var clean = new string(text.Select(c => c is '/' or '=' or '&' ? ' ' : c).ToArray()).Trim();
        return clean[..Math.Min(clean.Length, 128)];
    }
}
