using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MallPortal.Core.Notifications.Email;

/// <summary>
/// E-mail through MailKit: SMTP with the configured host, port, TLS and credentials, or (Pickup
/// mode, the development default) a .eml file per message in the pickup folder.
/// </summary>
public sealed class MailKitMailSender(IOptions<EmailOptions> options, string pickupRoot) : IMailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        if (string.Equals(settings.Mode, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(settings.Host, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, true), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return;
        }

        var folder = Path.Combine(pickupRoot, settings.PickupFolder);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file, cancellationToken);
    }
}
