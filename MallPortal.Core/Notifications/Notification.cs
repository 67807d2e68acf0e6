using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Notifications;

/// <summary>One in-site message (站内信) in a user's inbox.</summary>
public class Notification
{
    protected Notification()
    {
    }

    public Notification(int userId, NotificationCategory category, string title, string body, string? link, DateTime createdAt)
    {
        UserId = userId;
        Category = category;
        Title = title.Length > 100 ? title[..100] : title;
        Body = body.Length > 1000 ? body[..1000] : body;
        Link = link;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int UserId { get; private set; }

    public NotificationCategory Category { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>Local address of the thing the message is about (an order, a withdrawal ...).</summary>
    public string? Link { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Title).HasMaxLength(100).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(1000).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
