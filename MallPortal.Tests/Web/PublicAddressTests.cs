using System.Net;
using MallPortal.Hosting;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

/// <summary>Running behind a reverse proxy: the public address for gateways, and the client address from X-Forwarded-For.</summary>
public class PublicAddressTests
{
    [Theory]
    [InlineData("", "http://127.0.0.1:5000/", "http://localhost/")]
    [InlineData("https://shop.example.com", "http://127.0.0.1:5000/", "https://shop.example.com/")]
    [InlineData(" https://shop.example.com/mall/ ", "http://127.0.0.1:5000/", "https://shop.example.com/mall/")]
    public void The_setting_when_present_else_never_the_address_the_visitor_claimed(string setting, string seen, string expected) =>
        Assert.Equal(expected, Address(setting).BaseFor(seen));

    [Theory]
    [InlineData("shop.example.com")]
    [InlineData("ftp://shop.example.com")]
    [InlineData("https://shop.example.com/?from=gateway")]
    public void A_malformed_setting_stops_the_start_with_a_clear_message(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Address(setting));
        Assert.Contains("Web:PublicBaseUrl", error.Message);
    }

    [Fact]
    public async Task Behind_a_proxy_on_this_machine_each_visitor_has_its_own_login_limit()
    {
        using var host = LimitedHost();
        using var factory = Behind(host, IPAddress.Loopback);
        using var first = Client(factory, "203.0.113.5");
        using var second = Client(factory, "198.51.100.7");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await MallPortalFactory.PostLoginAsync(first, "13800000021", "wrong-password1")).StatusCode);
        }
        var other = (await MallPortalFactory.PostLoginAsync(second, "13800000021", "wrong-password1")).StatusCode;

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task A_client_that_is_not_a_local_proxy_cannot_claim_another_address()
    {
        using var host = LimitedHost();
        using var factory = Behind(host, IPAddress.Parse("192.0.2.44"));
        var answers = new List<HttpStatusCode>();
        foreach (var claimed in new[] { "203.0.113.5", "198.51.100.7", "198.51.100.8" })
        {
            using var client = Client(factory, claimed);
            answers.Add((await MallPortalFactory.PostLoginAsync(client, "13800000021", "wrong-password1")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    private static PublicAddress Address(string setting) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Web:PublicBaseUrl"] = setting }).Build());

    private static MallPortalFactory LimitedHost() => new(new Dictionary<string, string> { ["RateLimits:AccountPostsPerMinute"] = "2" });

    // The test server has no network peer: a startup filter gives every request the peer address a real socket would.
    private static WebApplicationFactory<Program> Behind(MallPortalFactory host, IPAddress peer) =>
        host.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerAddress(peer))));

    private static HttpClient Client(WebApplicationFactory<Program> factory, string forwardedFor)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }
}
