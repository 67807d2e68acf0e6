using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Orders.Payments.UnionPay;
using MallPortal.Core.Orders.Payments.WeChatPay;

namespace MallPortal.Hosting;

/// <summary>
/// Real money only over HTTPS: outside Development, a live gateway needs Web:PublicBaseUrl to be the shop's https://
/// address (TLS ends at nginx, which passes X-Forwarded-Proto), or the app refuses to start.
/// </summary>
public static class PaymentTransport
{
    /// <summary>Each real gateway's settings section (whose Mode may be Live) and its name in the message.</summary>
    private static readonly (string Section, string Name)[] RealGateways =
        [(AlipayOptions.Section, "Alipay"), (WeChatPayOptions.Section, "WeChat Pay"), (UnionPayOptions.Section, "UnionPay"), (StripeOptions.Section, "Stripe")];

    /// <summary>Why the app must not start, or null.</summary>
    public static string? Problem(IConfiguration config, bool development)
    {
        var live = RealGateways.Where(g => string.Equals(config[$"{g.Section}:Mode"], "Live", StringComparison.OrdinalIgnoreCase)).Select(g => g.Name).ToList();
        if (live.Count == 0 || development
            || (Uri.TryCreate(config["Web:PublicBaseUrl"], UriKind.Absolute, out var site) && site.Scheme == Uri.UriSchemeHttps))
        {
            return null;
        }
        return $"A real payment gateway ({string.Join(", ", live)}) is configured: set Web:PublicBaseUrl to the shop's https:// address " +
            "(TLS at nginx, see README 'Production'); MallPortal does not take real payments over plain HTTP. " +
            "已配置真实支付网关：请将 Web:PublicBaseUrl 设为商城的 https:// 地址，MallPortal 不在明文 HTTP 上收款。";
    }
}
