using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Notifications;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An SMS or e-mail waiting for, or done with, delivery. Written in the same transaction as its
/// cause; the dispatcher sends it with retries and back-off and gives up after a set number of tries.
/// </summary>
public class OutboxMessage
{
    /// <summary>Waits before the 2nd, 3rd ... try; the last entry repeats until the tries run out.</summary>
    public static readonly TimeSpan[] Backoff =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    public const int MaxAttempts = 6;

    protected OutboxMessage()
    {
    }

    public OutboxMessage(NotificationChannel channel, string recipient, string templateKey, string? subject,
        string body, string maskedBody, int? userId, DateTime now)
    {
        Channel = channel;
        Recipient = recipient;
        TemplateKey = templateKey;
        Subject = subject;
        Body = body;
        MaskedBody = maskedBody;
        UserId = userId;
        CreatedAt = now;
        NextAttemptAt = now;
        Status = OutboxStatus.Pending;
    }

    public long Id { get; private set; }

    public NotificationChannel Channel { get; private set; }

    public string Recipient { get; private set; } = "";

    public string TemplateKey { get; private set; } = "";

    public string? Subject { get; private set; }

    public string Body { get; private set; } = "";

    /// <summary>The body with secrets (codes, reset links) replaced, for the admin's list.</summary>
    public string MaskedBody { get; private set; } = "";

    /// <summary>Template values as JSON, for providers that send a template id plus parameters.</summary>
    public string ParametersJson { get; private set; } = "{}";

    public int? UserId { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public void SetParameters(string json) => ParametersJson = json;

    /// <summary>Keeps the tick away while the caller sends this message itself, right now.</summary>
    public void HoldForImmediateSend(DateTime now) => NextAttemptAt = now + Backoff[0];

    /// <summary>No more tries: a verification code the provider refused is stale by the time a retry could run.</summary>
    public void GiveUp(string error)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        Status = OutboxStatus.Failed;
    }

    public void MarkSent(DateTime now)
    {
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAt = now;
        LastError = null;
    }

    /// <summary>Schedules the next try, or gives up after <see cref="MaxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }
        NextAttemptAt = now + Backoff[Math.Min(Attempts - 1, Backoff.Length - 1)];
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Recipient).HasMaxLength(254).IsRequired();
        builder.Property(m => m.TemplateKey).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(4000).IsRequired();
        builder.Property(m => m.MaskedBody).HasMaxLength(4000).IsRequired();
        builder.Property(m => m.ParametersJson).HasMaxLength(2000).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CreatedAt);
    }
}
