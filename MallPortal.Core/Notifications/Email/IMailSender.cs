namespace MallPortal.Core.Notifications.Email;

/// <summary>Delivers one plain-text e-mail; throws on failure (the dispatcher retries).</summary>
public interface IMailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default);
}
