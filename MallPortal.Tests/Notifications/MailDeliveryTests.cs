using System.Net;
using System.Net.Sockets;
using MallPortal.Core.Notifications.Email;
using Microsoft.Extensions.Options;
using MimeKit;
using netDumbster.smtp;

namespace MallPortal.Tests.Notifications;

public class MailDeliveryTests
{
    [Fact]
    public async Task Smtp_delivers_a_Chinese_subject_and_body_intact()
    {
        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);
        var sender = new MailKitMailSender(Options.Create(new EmailOptions
        {
            Mode = "Smtp",
            Host = "127.0.0.1",
            Port = port,
            Security = "None",
            FromAddress = "noreply@mallportal.local",
        }), Path.GetTempPath());

        await sender.SendAsync("zhang@example.com", "MallPortal 验证码：123456", "您好：\n\n您正在找回密码，验证码为 123456。");

        var received = Assert.Single(server.ReceivedEmail);
        var message = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.Data)));
        Assert.Equal("MallPortal 验证码：123456", message.Subject);
        Assert.Contains("您正在找回密码，验证码为 123456。", message.TextBody);
        Assert.Equal("zhang@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("MallPortal 商城", message.From.Mailboxes.Single().Name);
    }

    [Fact]
    public async Task Pickup_mode_writes_one_eml_file_per_message()
    {
        var root = Path.Combine(Path.GetTempPath(), "mallportal-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var sender = new MailKitMailSender(Options.Create(new EmailOptions { Mode = "Pickup", PickupFolder = "mail" }), root);

            await sender.SendAsync("li@example.com", "平台公告：双十二", "活动报名开始");

            var file = Assert.Single(Directory.GetFiles(Path.Combine(root, "mail"), "*.eml"));
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal("平台公告：双十二", message.Subject);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
