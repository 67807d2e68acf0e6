namespace MallPortal.Core.Orders.Payments.UnionPay;

public enum UnionPayMode
{
    /// <summary>Not offered at checkout.</summary>
    Off,

    /// <summary>The built-in UnionPay simulator (its own certificate chain and cashier, signed notifications): demos and tests, no money.</summary>
    Simulator,

    /// <summary>UnionPay's online gateway with the certificates named below.</summary>
    Live,
}

/// <summary>银联在线支付 settings, section Payments:UnionPay. Certificates and their password come from files or environment variables.</summary>
public sealed class UnionPayOptions
{
    public const string Section = "Payments:UnionPay";

    public UnionPayMode Mode { get; set; } = UnionPayMode.Simulator;

    /// <summary>The merchant number (商户号, merId): notifications for another merchant are refused.</summary>
    public string MerId { get; set; } = "";

    /// <summary>Where server calls go (back transactions, query); https://gateway.test.95516.com for UnionPay's test environment.</summary>
    public string GatewayUrl { get; set; } = "https://gateway.95516.com";

    /// <summary>Where the daily reconciliation file is fetched (file transfer, txnType 76); https://filedownload.test.95516.com/ for the test environment.</summary>
    public string FileTransferUrl { get; set; } = "https://filedownload.95516.com/";

    /// <summary>Where the buyer's browser posts the front transaction; the gateway's frontTransReq.do when empty.</summary>
    public string FrontTransUrl { get; set; } = "";

    /// <summary>The merchant signing certificate with its private key (PKCS#12 .pfx from UnionPay's merchant service).</summary>
    public string SignCertFile { get; set; } = "";

    /// <summary>The .pfx password: a file holding it, or an environment variable.</summary>
    public string SignCertPasswordFile { get; set; } = "";

    public string SignCertPasswordVariable { get; set; } = "";

    /// <summary>UnionPay's root and middle (intermediate) certificates: the signing certificate in every answer must chain to them.</summary>
    public string RootCertFile { get; set; } = "";

    public string MiddleCertFile { get; set; } = "";

    /// <summary>The third @-part of the signing certificate's CN: 中国银联股份有限公司 in production, 00040000:SIGN in the test environment.</summary>
    public string SignCertOwner { get; set; } = "中国银联股份有限公司";

    /// <summary>Where UnionPay sends refund results (backUrl); from Web:PublicBaseUrl when empty.</summary>
    public string RefundNotifyUrl { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 15;
}
