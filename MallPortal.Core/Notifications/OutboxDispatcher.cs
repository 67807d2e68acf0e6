using System.Text.Json;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications.Email;
using MallPortal.Core.Notifications.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Notifications;

/// <summary>
/// Sends the due outbox messages. Each message is saved after its own try, so a crash never
/// sends the rest twice. Failures are retried with back-off; after the last try the message is
/// Failed and keeps its last error for the admin's list.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<MallDbContext> contexts, ISmsSender sms, IMailSender mail, ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 50;

    private const string RateLimitedPrefix = "RateLimited: ";

    /// <summary>Returns how many messages were tried.</summary>
    public async Task<int> DispatchDueAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var message in due)
        {
            var error = await TrySendAsync(message, cancellationToken);
            if (error is null)
            {
                message.MarkSent(now);
            }
            else
            {
                message.MarkFailed(error, now);
                logger.LogWarning("Outbox {Id} ({Channel}) try {Attempt} failed: {Error}", message.Id, message.Channel, message.Attempts, error);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return due.Count;
    }

    /// <summary>
    /// Sends one message now, for a person waiting on the page (a verification code). A provider's
    /// flow-control refusal ends the message (it is reported to the person instead); other failures
    /// are left to the retries.
    /// </summary>
    public async Task<DeliveryOutcome> SendNowAsync(long messageId, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.OutboxMessages.SingleAsync(m => m.Id == messageId, cancellationToken);
        var error = await TrySendAsync(message, cancellationToken);
        var outcome = error is null ? DeliveryOutcome.Sent
            : error.StartsWith(RateLimitedPrefix, StringComparison.Ordinal) ? DeliveryOutcome.RateLimited
            : DeliveryOutcome.Failed;
        switch (outcome)
        {
            case DeliveryOutcome.Sent:
                message.MarkSent(now);
                break;
            case DeliveryOutcome.RateLimited:
                message.GiveUp(error!);
                break;
            default:
                message.MarkFailed(error!, now);
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private async Task<string?> TrySendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (message.Channel == NotificationChannel.Email)
            {
                await mail.SendAsync(message.Recipient, message.Subject ?? "", message.Body, cancellationToken);
                return null;
            }
            var parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(message.ParametersJson) ?? [];
            var result = await sms.SendAsync(new SmsMessage(message.Recipient, message.TemplateKey, parameters, message.Body), cancellationToken);
            return result.Succeeded ? null : (result.RateLimited ? RateLimitedPrefix : "") + result.Error;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }
}
