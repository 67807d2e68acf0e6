using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Payments.Sandbox;

/// <summary>A signed notification the sandbox provider owes the shop, retried on a schedule until it is acknowledged.</summary>
public class SandboxCallback
{
    protected SandboxCallback()
    {
    }

    internal SandboxCallback(string notifyUrl, string body, DateTime now) => (NotifyUrl, Body, NextAttemptAt, CreatedAt) = (notifyUrl, body, now, now);

    public int Id { get; private set; }

    public string NotifyUrl { get; private set; } = "";

    /// <summary>The form body exactly as posted (application/x-www-form-urlencoded).</summary>
    public string Body { get; private set; } = "";

    public int Attempts { get; private set; }

    public DateTime? NextAttemptAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    internal void Delivered(DateTime now) => (Attempts, DeliveredAt, NextAttemptAt, LastError) = (Attempts + 1, now, null, null);

    /// <summary>Waits the next interval of the schedule; after the last one it gives up (NextAttemptAt = null).</summary>
    internal void Failed(string error, DateTime now, IReadOnlyList<TimeSpan> schedule)
    {
        Attempts++;
        LastError = error.Length > 200 ? error[..200] : error;
        NextAttemptAt = Attempts <= schedule.Count ? now + schedule[Attempts - 1] : null;
    }
}

internal sealed class SandboxCallbackConfiguration : IEntityTypeConfiguration<SandboxCallback>
{
    public void Configure(EntityTypeBuilder<SandboxCallback> builder)
    {
        builder.Property(c => c.NotifyUrl).HasMaxLength(300).IsRequired();
        builder.Property(c => c.Body).HasMaxLength(2000).IsRequired();
        builder.Property(c => c.LastError).HasMaxLength(200);
        builder.HasIndex(c => c.NextAttemptAt);
    }
}
