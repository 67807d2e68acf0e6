using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MallPortal.Core.Orders.Payments.WeChatPay.Simulator;

/// <summary>
/// The simulated WeChat Pay's JSAPI side: prepay for a payer's openid (/v3/pay/transactions/jsapi), and what WeChat's
/// own app does with getBrandWCPayRequest — check the page's paySign against the merchant's key, then take the payment.
/// </summary>
public sealed partial class WeChatPaySimulator
{
    public const string InAppOk = "get_brand_wcpay_request:ok";

    public const string InAppFail = "get_brand_wcpay_request:fail";

    /// <summary>The trade an in-app payment's package (prepay_id=…) names, or null.</summary>
    public SimulatedWeChatTrade? FindByPackage(string? package)
    {
        lock (_gate)
        {
            return package is { Length: > 11 } && package.StartsWith("prepay_id=", StringComparison.Ordinal)
                ? _trades.Values.SingleOrDefault(t => t.PrepayId == package[10..])
                : null;
        }
    }

    /// <summary>
    /// The buyer confirmed in WeChat: the parameters the page handed to WeixinJSBridge are checked as WeChat does (this
    /// app, a known prepay id, paySign by the merchant's key), then the payment is taken. Returns the bridge's err_msg.
    /// </summary>
    public async Task<(string ErrMsg, string? Description)> PayInAppAsync(IReadOnlyDictionary<string, string> payment, CancellationToken cancellationToken = default)
    {
        if (payment.GetValueOrDefault("appId") != shop.Value.AppId || payment.GetValueOrDefault("signType") != "RSA")
        {
            return (InAppFail, "appId 或 signType 不正确");
        }
        if (!Sha256WithRsa.Verify(WeChatPayProtocol.JsapiMessage(payment), payment.GetValueOrDefault("paySign"), keys.MerchantPublicKey))
        {
            return (InAppFail, "支付验证签名失败");
        }
        if (FindByPackage(payment.GetValueOrDefault("package")) is not { } trade)
        {
            return (InAppFail, "prepay_id 无效");
        }
        try
        {
            await PayAsync(trade, cancellationToken);
            return (InAppOk, null);
        }
        catch (InvalidOperationException ex)
        {
            return (InAppFail, ex.Message);
        }
    }

    private (int, JsonObject?) PrepayInApp(JsonObject? request)
    {
        if (request?["payer"]?["openid"]?.GetValue<string>() is not { Length: > 0 } openId)
        {
            return (400, Error("PARAM_ERROR", "缺少参数 payer.openid"));
        }
        var (status, answer) = Prepay(request);
        if (status != 200)
        {
            return (status, answer);
        }
        var trade = _trades[request["out_trade_no"]!.GetValue<string>()];
        if (trade.OpenId is not null && trade.OpenId != openId)
        {
            return (400, Error("INVALID_REQUEST", "该订单已由其他用户发起支付"));
        }
        trade.OpenId = openId;
        trade.PrepayId ??= "wx" + clock.GetUtcNow().ToString("ddHHmmss", System.Globalization.CultureInfo.InvariantCulture)
            + RandomNumberGenerator.GetHexString(24, lowercase: true);
        return (200, new JsonObject { ["prepay_id"] = trade.PrepayId });
    }
}
