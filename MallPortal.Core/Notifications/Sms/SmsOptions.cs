namespace MallPortal.Core.Notifications.Sms;

/// <summary><c>Sms:*</c> settings: which provider, its keys, and our templates' ids there.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>Development (records only), Aliyun or Tencent.</summary>
    public string Provider { get; set; } = "Development";

    public AliyunSmsOptions Aliyun { get; set; } = new();

    public TencentSmsOptions Tencent { get; set; } = new();

    /// <summary>Our template key -> the provider's approved template and its parameter order.</summary>
    public Dictionary<string, SmsTemplateOptions> Templates { get; set; } = [];
}

public sealed class AliyunSmsOptions
{
    public string Endpoint { get; set; } = "https://dysmsapi.aliyuncs.com/";
    public string AccessKeyId { get; set; } = "";
    public string AccessKeySecret { get; set; } = "";
    public string SignName { get; set; } = "";
    public string RegionId { get; set; } = "cn-hangzhou";
}

public sealed class TencentSmsOptions
{
    public string Endpoint { get; set; } = "https://sms.tencentcloudapi.com";
    public string SecretId { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public string SdkAppId { get; set; } = "";
    public string SignName { get; set; } = "";
    public string Region { get; set; } = "ap-guangzhou";
}

public sealed class SmsTemplateOptions
{
    /// <summary>Aliyun TemplateCode (SMS_123456) or Tencent TemplateId (123456).</summary>
    public string Id { get; set; } = "";

    /// <summary>Our parameter names in the order Tencent's TemplateParamSet wants them.</summary>
    public List<string> Parameters { get; set; } = [];
}
