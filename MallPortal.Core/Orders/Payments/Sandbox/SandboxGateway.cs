using System.Globalization;
using MallPortal.Core.Common;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.Sandbox;

/// <summary>MallPortal's adapter for the sandbox provider, shaped like the real adapters will be.</summary>
public sealed class SandboxGateway(SandboxProvider provider, IOptions<SandboxOptions> options) : IPaymentGateway, Bills.IBillSource
{
    public const string GatewayName = "sandbox";

    public const string SuccessBody = "success";

    public string Name => GatewayName;

    public GatewayCapabilities Capabilities =>
        GatewayCapabilities.Refund | GatewayCapabilities.PartialRefund | GatewayCapabilities.Query | GatewayCapabilities.Close;

    public bool PaysOnline => true;

    public GatewayAnswer Answer(bool accepted) => accepted ? GatewayAnswer.Text(200, SuccessBody) : GatewayAnswer.Text(400, "fail");

    public async Task<GatewayStart> StartAsync(GatewayPaymentRequest request, CancellationToken cancellationToken)
    {
        var trade = await provider.OpenAsync(request, cancellationToken);
        return new RedirectStart($"/sandbox/cashier/{trade.TradeNo}");
    }

    public GatewayVerification Verify(GatewayCallback callback)
    {
        var fields = callback.Form;
        if (!SandboxSignature.Verify(fields, options.Value.Key))
        {
            return GatewayVerification.Rejected("signature");
        }
        if (!fields.TryGetValue("notify_id", out var id) || !fields.TryGetValue("out_trade_no", out var number)
            || !fields.TryGetValue("total_fee", out var fee) || !long.TryParse(fee, NumberStyles.None, CultureInfo.InvariantCulture, out var fen))
        {
            return GatewayVerification.Rejected("malformed");
        }
        fields.TryGetValue("trade_no", out var tradeNo);
        return GatewayVerification.Verified(new GatewayNotice(id, number, tradeNo, new Money(fen), fields.GetValueOrDefault("trade_status") == "SUCCESS"));
    }

    public Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken) =>
        provider.RefundAsync(request, cancellationToken);

    public Task<GatewayRefundResult> QueryRefundAsync(string paymentNumber, string refundNumber, CancellationToken cancellationToken) =>
        provider.QueryRefundAsync(paymentNumber, refundNumber, cancellationToken);

    public Task<GatewayTrade> QueryAsync(string paymentNumber, CancellationToken cancellationToken) =>
        provider.QueryAsync(paymentNumber, cancellationToken);

    public async Task<Bills.GatewayBill> DownloadBillAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var file = await provider.BillAsync(day, cancellationToken);
        return new Bills.GatewayBill($"sandbox_{day:yyyyMMdd}.csv", file, SandboxBill.Parse(file));
    }

    public Task<bool> CloseAsync(string paymentNumber, CancellationToken cancellationToken) => provider.CloseAsync(paymentNumber, cancellationToken);
}
