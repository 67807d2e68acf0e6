namespace MallPortal.Core.Orders.Payments.Alipay;

public enum AlipayMode
{
    /// <summary>Not offered at checkout.</summary>
    Off,

    /// <summary>The built-in Alipay simulator (its own keys and cashier, signed notifications): demos and tests, no money.</summary>
    Simulator,

    /// <summary>Alipay's open platform with the keys named below.</summary>
    Live,
}

/// <summary>Alipay (支付宝) settings, section Payments:Alipay. Keys come from files or environment variables, never this file.</summary>
public sealed class AlipayOptions
{
    public const string Section = "Payments:Alipay";

    public AlipayMode Mode { get; set; } = AlipayMode.Simulator;

    /// <summary>The app's APPID on the open platform.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The merchant's PID (2088…): notifications naming another payee are refused.</summary>
    public string SellerId { get; set; } = "";

    /// <summary>Where server calls go (query, refund, close).</summary>
    public string GatewayUrl { get; set; } = "https://openapi.alipay.com/gateway.do";

    /// <summary>Where the buyer's browser posts page and wap pay; the gateway URL when empty.</summary>
    public string PageGatewayUrl { get; set; } = "";

    /// <summary>The app private key (RSA2, PKCS#8 or PKCS#1, PEM or Base64): a file, or an environment variable holding it.</summary>
    public string AppPrivateKeyFile { get; set; } = "";

    public string AppPrivateKeyVariable { get; set; } = "";

    /// <summary>Alipay's public key from the open platform console (public-key mode): a file, or an environment variable.</summary>
    public string AlipayPublicKeyFile { get; set; } = "";

    public string AlipayPublicKeyVariable { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 15;
}
