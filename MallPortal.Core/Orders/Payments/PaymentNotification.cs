using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Payments;

public enum NotificationOutcome
{
    Accepted,
    Duplicate,
    Rejected,
}

/// <summary>
/// Every notification a gateway (or anyone) sent, with what was made of it. An accepted one carries its unique
/// event key, so the same event can never be processed twice; duplicates and rejected ones are kept for the log.
/// </summary>
public class PaymentNotification
{
    protected PaymentNotification()
    {
    }

    internal PaymentNotification(string gateway, string? eventKey, string? paymentNumber, string payload, NotificationOutcome outcome,
        string? reason, DateTime receivedAt) =>
        (Gateway, EventKey, PaymentNumber, Payload, Outcome, Reason, ReceivedAt) = (gateway, eventKey, paymentNumber, payload, outcome, reason, receivedAt);

    public long Id { get; private set; }

    public string Gateway { get; private set; } = "";

    /// <summary>Set only on accepted notifications (unique per gateway).</summary>
    public string? EventKey { get; private set; }

    public string? PaymentNumber { get; private set; }

    public string Payload { get; private set; } = "";

    public NotificationOutcome Outcome { get; private set; }

    public string? Reason { get; private set; }

    public DateTime ReceivedAt { get; private set; }
}

internal sealed class PaymentNotificationConfiguration : IEntityTypeConfiguration<PaymentNotification>
{
    public void Configure(EntityTypeBuilder<PaymentNotification> builder)
    {
        builder.Property(n => n.Gateway).HasMaxLength(20).IsRequired();
        builder.Property(n => n.EventKey).HasMaxLength(100);
        builder.Property(n => n.PaymentNumber).HasMaxLength(64);
        builder.Property(n => n.Payload).HasMaxLength(4000).IsRequired();
        builder.Property(n => n.Reason).HasMaxLength(200);
        builder.HasIndex(n => new { n.Gateway, n.EventKey }).IsUnique();
        builder.HasIndex(n => n.ReceivedAt);
    }
}
