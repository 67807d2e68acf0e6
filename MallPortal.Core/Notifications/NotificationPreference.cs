using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Notifications;

/// <summary>A user's choice of SMS and e-mail for one category (the inbox always gets the message).</summary>
public class NotificationPreference
{
    protected NotificationPreference()
    {
    }

    public NotificationPreference(int userId, NotificationCategory category, bool sms, bool email)
    {
        UserId = userId;
        Category = category;
        Sms = sms;
        Email = email;
    }

    public int Id { get; private set; }

    public int UserId { get; private set; }

    public NotificationCategory Category { get; private set; }

    public bool Sms { get; private set; }

    public bool Email { get; private set; }

    /// <summary>What a user gets before choosing: order news by SMS and e-mail, nothing else outside the inbox.</summary>
    public static (bool Sms, bool Email) Default(NotificationCategory category) => category switch
    {
        NotificationCategory.Security => (true, true),
        NotificationCategory.Orders => (true, true),
        _ => (false, false),
    };

    public void Change(bool sms, bool email)
    {
        Sms = sms;
        Email = email;
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasIndex(p => new { p.UserId, p.Category }).IsUnique();
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
