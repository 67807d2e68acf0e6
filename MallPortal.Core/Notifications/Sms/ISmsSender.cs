namespace MallPortal.Core.Notifications.Sms;

/// <summary>
/// Sends one text message through a provider (Aliyun, Tencent Cloud) or the development recorder.
/// A provider's own flow-control answer comes back as <see cref="SmsSendResult.RateLimited"/>,
/// never as an exception, so callers can tell the user "操作过于频繁".
/// </summary>
public interface ISmsSender
{
    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// <paramref name="TemplateKey"/> names our event template (e.g. "verification-code"); providers
/// map it to their approved template id through <see cref="SmsOptions.Templates"/>.
/// <paramref name="Text"/> is the full Chinese text, used by the development sender and logs.
/// </summary>
public sealed record SmsMessage(
    string PhoneNumber, string TemplateKey, IReadOnlyDictionary<string, string> Parameters, string Text);

public sealed record SmsSendResult(bool Succeeded, bool RateLimited, string? ProviderMessageId, string? Error)
{
    public static SmsSendResult Sent(string? id) => new(true, false, id, null);

    public static SmsSendResult Failed(string error) => new(false, false, null, error);

    public static SmsSendResult Limited(string error) => new(false, true, null, error);
}
