namespace MallPortal.Core.Notifications;

/// <summary>What a message is about; people choose SMS / e-mail per category. Security always goes.</summary>
public enum NotificationCategory
{
    Orders,
    Security,
    Marketing,
    Announcements,
}

public enum NotificationChannel
{
    Sms,
    Email,
}
