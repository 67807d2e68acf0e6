namespace MallPortal.Core.Orders.Payments.WeChatPay;

public enum WeChatPayMode
{
    Off,

    /// <summary>The built-in WeChat Pay simulator (its own keys, a simulated phone that scans and pays): demos and tests.</summary>
    Simulator,

    Live,
}

/// <summary>WeChat Pay API v3 (微信支付, direct merchant, public-key mode), section Payments:WeChatPay. Secrets come from files or variables.</summary>
public sealed class WeChatPayOptions
{
    public const string Section = "Payments:WeChatPay";

    public WeChatPayMode Mode { get; set; } = WeChatPayMode.Simulator;

    /// <summary>The AppID bound to the merchant number (公众号 / 小程序 / 网站应用).</summary>
    public string AppId { get; set; } = "";

    /// <summary>The merchant number (商户号).</summary>
    public string MchId { get; set; } = "";

    /// <summary>The serial number of the merchant API certificate (商户API证书序列号).</summary>
    public string MerchantSerialNo { get; set; } = "";

    /// <summary>apiclient_key.pem: a file, or an environment variable holding it.</summary>
    public string MerchantPrivateKeyFile { get; set; } = "";

    public string MerchantPrivateKeyVariable { get; set; } = "";

    /// <summary>The WeChat Pay public key's id (PUB_KEY_ID_…) and the key itself (微信支付公钥).</summary>
    public string PlatformPublicKeyId { get; set; } = "";

    public string PlatformPublicKeyFile { get; set; } = "";

    public string PlatformPublicKeyVariable { get; set; } = "";

    /// <summary>The 32-character APIv3 key that seals notifications.</summary>
    public string ApiV3KeyFile { get; set; } = "";

    public string ApiV3KeyVariable { get; set; } = "";

    public string BaseUrl { get; set; } = "https://api.mch.weixin.qq.com";

    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// The official account's AppSecret (公众号 AppSecret, for WeChat sign-in, which gives JSAPI the buyer's openid): a file,
    /// or an environment variable. Without it, a buyer inside WeChat is shown the Native code to long-press.
    /// </summary>
    public string AppSecretFile { get; set; } = "";

    public string AppSecretVariable { get; set; } = "";

    /// <summary>WeChat's web authorization page (网页授权, scope snsapi_base: silent, gives the openid only).</summary>
    public string OAuthAuthorizeUrl { get; set; } = "https://open.weixin.qq.com/connect/oauth2/authorize";

    /// <summary>Where the authorization code is exchanged for the openid.</summary>
    public string OAuthApiUrl { get; set; } = "https://api.weixin.qq.com";

    /// <summary>Simulator only: the script standing in for WeChat's WeixinJSBridge in an ordinary browser.</summary>
    public string SimulatorBridgeUrl { get; set; } = "";

    /// <summary>Simulator only: where a buyer opens the simulated phone for a QR code (the code_url is appended).</summary>
    public string SimulatorScanUrl { get; set; } = "";
}
