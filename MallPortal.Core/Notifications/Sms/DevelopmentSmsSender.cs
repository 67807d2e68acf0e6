using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Notifications.Sms;

/// <summary>
/// The development default: sends nothing, records each message (the last 200) and logs it, so
/// a developer or a test can read the code that a real phone would have received.
/// </summary>
public sealed class DevelopmentSmsSender(ILogger<DevelopmentSmsSender> logger) : ISmsSender
{
    private readonly ConcurrentQueue<SmsMessage> _sent = new();

    public IReadOnlyList<SmsMessage> Sent => [.. _sent];

    public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(message);
        while (_sent.Count > 200 && _sent.TryDequeue(out _))
        {
        }
        logger.LogInformation("开发模式短信（未真实发送）→ {Phone}: {Text}", message.PhoneNumber, message.Text);
        return Task.FromResult(SmsSendResult.Sent("dev-" + Guid.NewGuid().ToString("N")[..12]));
    }

}
