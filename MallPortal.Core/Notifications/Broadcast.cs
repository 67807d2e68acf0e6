using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Notifications;

public enum BroadcastAudience
{
    AllMerchants,
    AllDistributors,
}

/// <summary>A notice the platform sent to a whole audience; the history the admin sees.</summary>
public class Broadcast
{
    public const int TitleMaxLength = 50;
    public const int BodyMaxLength = 1000;

    protected Broadcast()
    {
    }

    public Broadcast(int senderUserId, BroadcastAudience audience, string title, string body, int recipients, DateTime createdAt)
    {
        SenderUserId = senderUserId;
        Audience = audience;
        Title = title;
        Body = body;
        RecipientCount = recipients;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int SenderUserId { get; private set; }

    public BroadcastAudience Audience { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public int RecipientCount { get; private set; }

    public DateTime CreatedAt { get; private set; }
}

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> builder)
    {
        builder.Property(b => b.Title).HasMaxLength(Broadcast.TitleMaxLength).IsRequired();
        builder.Property(b => b.Body).HasMaxLength(Broadcast.BodyMaxLength).IsRequired();
        builder.HasIndex(b => b.CreatedAt);
    }
}
