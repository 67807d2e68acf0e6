using System.Net;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using MallPortal.Hosting;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

/// <summary>
/// Links sent to a person (password reset, e-mail confirmation, payment return and notify addresses, sign-in callbacks)
/// are built from Web:PublicBaseUrl or a host AllowedHosts names, never from the Host or X-Forwarded-Host a request claims.
/// </summary>
public class PublicLinkTests
{
    private const string Email = "consumer@demo.mallportal.local";

    [Theory]
    [InlineData("", "*", "https://evil.example/", "http://localhost/")]
    [InlineData("", "", "https://evil.example/", "http://localhost/")]
    [InlineData("", "shop.example.com", "https://evil.example/", "http://localhost/")]
    [InlineData("", "shop.example.com", "https://shop.example.com/", "https://shop.example.com/")]
    [InlineData("", "*.example.com;other.cn", "http://m.example.com:8080/", "http://m.example.com:8080/")]
    [InlineData("", "*.example.com", "https://example.com.evil.cn/", "http://localhost/")]
    [InlineData("https://shop.example.com", "*", "https://evil.example/", "https://shop.example.com/")]
    [InlineData("https://shop.example.com", "m.example.com", "https://m.example.com/", "https://shop.example.com/")]
    public void The_setting_else_an_allowed_host_else_the_listening_address(string setting, string allowedHosts, string seen, string expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Web:PublicBaseUrl"] = setting,
            ["AllowedHosts"] = allowedHosts,
        }).Build();

        Assert.Equal(expected, new PublicAddress(config).BaseFor(seen));
    }

    [Fact]
    public async Task A_reset_link_asked_for_with_a_spoofed_Host_points_at_the_real_site()
    {
        using var host = new MallPortalFactory();
        using var client = host.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        await AskForResetLinkAsync(client);

        Assert.StartsWith("http://localhost/Account/ResetPassword?userId=", await MailedLinkAsync(host));
    }

    [Fact]
    public async Task A_reset_link_asked_for_through_a_local_proxy_with_a_spoofed_forwarded_host_points_at_the_named_host()
    {
        using var host = new MallPortalFactory(new Dictionary<string, string> { ["AllowedHosts"] = "shop.example.com" });
        using var proxied = host.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Loopback))));
        using var client = proxied.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://shop.example.com"),
            AllowAutoRedirect = false,
        });
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");

        await AskForResetLinkAsync(client);

        Assert.StartsWith("https://shop.example.com/Account/ResetPassword?userId=", await MailedLinkAsync(proxied));
    }

    [Fact]
    public async Task A_Host_that_AllowedHosts_does_not_name_is_refused_before_anything_is_sent()
    {
        using var host = new MallPortalFactory(new Dictionary<string, string> { ["AllowedHosts"] = "shop.example.com" });
        using var client = host.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var answer = await client.GetAsync("/Account/ForgotPassword");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task With_a_public_address_set_links_use_it_whatever_host_the_request_claims()
    {
        using var host = new MallPortalFactory(new Dictionary<string, string> { ["Web:PublicBaseUrl"] = "https://mall.example.cn" });
        using var proxied = host.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Loopback))));
        using var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = "evil.example";
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil2.example");

        await AskForResetLinkAsync(client);
        var signIn = await client.GetAsync("/wechat/signin?returnUrl=%2Faccount%2Forders");

        Assert.StartsWith("https://mall.example.cn/Account/ResetPassword?userId=", await MailedLinkAsync(proxied));
        Assert.Contains("redirect_uri=https%3A%2F%2Fmall.example.cn%2Fwechat%2Fsignin%2Fcallback", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_WeChat_sign_in_callback_is_never_on_a_spoofed_host()
    {
        using var host = new MallPortalFactory();
        using var client = host.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var start = await client.GetAsync("/wechat/signin?returnUrl=%2Faccount%2Forders");

        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fwechat%2Fsignin%2Fcallback", start.Headers.Location!.OriginalString);
        Assert.DoesNotContain("evil", start.Headers.Location!.OriginalString);
    }

    private static async Task AskForResetLinkAsync(HttpClient client)
    {
        var token = await MallPortalFactory.AntiforgeryTokenAsync(client, "/Account/ForgotPassword");
        var answer = await client.PostAsync("/Account/ForgotPassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "forgot",
            ["__RequestVerificationToken"] = token,
            ["Input.Login"] = Email,
            ["Input.Action"] = "link",
        }));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private static async Task<string> MailedLinkAsync(WebApplicationFactory<Program> host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var message = await db.OutboxMessages.Where(m => m.Recipient == Email && m.TemplateKey == NotificationTemplates.PasswordResetLink.Key)
            .OrderByDescending(m => m.Id).FirstAsync();
        return message.Body.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/Account/ResetPassword?"));
    }
}
