namespace MallPortal.Core.Notifications;

/// <summary>Live update: a user's inbox got a message or had messages read.</summary>
public sealed record InboxChanged(int UserId);
