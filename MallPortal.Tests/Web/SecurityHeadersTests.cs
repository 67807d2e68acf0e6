using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Orders.Payments.UnionPay;
using MallPortal.Hosting;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MallPortal.Tests.Web;

/// <summary>The headers every answer carries (decision 0021), the cookies' flags, HSTS over HTTPS and no details in errors.</summary>
public partial class SecurityHeadersTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string> Answers =>
    [
        "/", "/Account/Login", "/account", "/merchant", "/healthz", "/not-a-page", "/app.css", "/api/checkout",
        "/payments/return/alipay", "/culture/set?culture=en&returnUrl=%2F",
    ];

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_answer_forbids_framing_and_sniffing_and_keeps_the_referrer_to_the_origin(string path)
    {
        using var client = app.Factory.CreateBrowserlessClient();

        var answer = await client.GetAsync(path);

        var policy = Header(answer, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("base-uri 'self'", policy);
        Assert.Equal("nosniff", Header(answer, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(answer, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(answer, "Referrer-Policy"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/merchant/products")]
    [InlineData("/admin")]
    public async Task Pages_run_only_this_sites_scripts_and_their_import_map_by_its_hash(string path)
    {
        using var client = await SignedInAsync(path);

        var answer = await client.GetAsync(path);
        var html = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var scripts = Directive(Header(answer, "Content-Security-Policy"), "script-src");
        Assert.DoesNotContain("unsafe-inline", scripts);
        Assert.DoesNotContain("unsafe-eval", scripts);
        var importMap = ImportMap().Match(html).Groups[1].Value;
        Assert.NotEmpty(importMap);
        Assert.Equal($"script-src 'self' 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap)))}'", scripts);
        Assert.Single(InlineScripts().Matches(html)); // the import map is the only script without a src
    }

    [Theory]
    [InlineData("/merchant/analytics", true)]
    [InlineData("/merchant/analytics/commission", true)]
    [InlineData("/merchant/analytics/distributors", true)]
    [InlineData("/admin/analytics", true)]
    [InlineData("/distributor", true)]
    [InlineData("/merchant/analytics/orders", false)]
    [InlineData("/merchant/orders", false)]
    [InlineData("/distributor/links", false)]
    public async Task Only_pages_that_draw_charts_allow_the_chart_librarys_eval(string path, bool charts)
    {
        using var client = await SignedInAsync(path);

        var answer = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(charts, Directive(Header(answer, "Content-Security-Policy"), "script-src").Contains("'unsafe-eval'"));
    }

    [Fact]
    public async Task Forms_may_post_only_to_this_site_while_the_payment_providers_are_simulated()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        var answer = await client.GetAsync("/");

        Assert.Equal("form-action 'self'", Directive(Header(answer, "Content-Security-Policy"), "form-action"));
    }

    [Fact]
    public void Live_payment_providers_add_only_their_own_addresses()
    {
        var config = new ConfigurationBuilder().Build();
        var policy = new SecurityHeaders(config, Options.Create(new AlipayOptions { Mode = AlipayMode.Live }),
            Options.Create(new UnionPayOptions { Mode = UnionPayMode.Off }), Options.Create(new StripeOptions { Mode = StripeMode.Live })).PolicyFor(null)!;

        Assert.Equal("form-action 'self' https://openapi.alipay.com", Directive(policy, "form-action"));
        Assert.Equal("script-src 'self' https://js.stripe.com", Directive(policy, "script-src"));
        Assert.Equal("frame-src 'self' https://js.stripe.com https://hooks.stripe.com", Directive(policy, "frame-src"));
        Assert.Equal("connect-src 'self' https://api.stripe.com", Directive(policy, "connect-src"));
    }

    [Fact]
    public async Task The_server_names_no_software_in_its_answers()
    {
        using var factory = new MallPortalFactory();
        var address = factory.StartKestrel();
        using var client = new HttpClient();

        var answer = await client.GetAsync(address + "/healthz");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Server"));
        Assert.False(answer.Headers.Contains("X-Powered-By"));
    }

    [Fact]
    public async Task Cookies_are_for_the_server_only_SameSite_Lax_or_stricter_and_Secure_over_HTTPS()
    {
        using var production = Production(app.Factory, "shop.example.com");
        using var plain = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new("http://shop.example.com") });
        using var secure = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new("https://shop.example.com") });
        foreach (var client in new[] { plain, secure })
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        }
        var code = await LinkCodeAsync();

        foreach (var (client, https) in new[] { (plain, false), (secure, true) })
        {
            var cookies = new List<string>();
            cookies.AddRange(SetCookies(await client.GetAsync("/Account/Login")));
            cookies.AddRange(SetCookies(await MallPortalFactory.PostLoginAsync(client, "13800000021", MallPortalFactory.DemoPassword)));
            cookies.AddRange(SetCookies(await client.GetAsync("/culture/set?culture=en&returnUrl=%2F")));
            cookies.AddRange(SetCookies(await client.GetAsync($"/r/{code}")));

            Assert.Contains(cookies, c => c.StartsWith("MallPortal.Auth="));
            Assert.True(cookies.Count >= 5, string.Join("\n", cookies));
            Assert.All(cookies, c =>
            {
                var flags = c.ToLowerInvariant();
                Assert.Contains("; httponly", flags);
                Assert.Matches("; samesite=(lax|strict)", flags);
                Assert.Equal(https, flags.Contains("; secure"));
            });
        }
    }

    [Fact]
    public async Task HSTS_is_sent_over_HTTPS_outside_Development_and_never_over_plain_HTTP()
    {
        using var production = Production(app.Factory, "shop.example.com");
        using var plain = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new("http://shop.example.com") });
        using var secure = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new("http://shop.example.com") });
        secure.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var overHttps = await secure.GetAsync("/healthz");
        var overHttp = await plain.GetAsync("/healthz");

        Assert.StartsWith("max-age=", Header(overHttps, "Strict-Transport-Security"));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task An_error_outside_Development_shows_the_error_page_without_any_detail()
    {
        using var production = Production(app.Factory, "localhost").WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ThrowingPath())));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var answer = await client.GetAsync("/boom");
        var body = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("secret-detail", body);
        Assert.DoesNotMatch(@"\bat [\w.]+\(", body); // no stack frames
        Assert.Equal("nosniff", Header(answer, "X-Content-Type-Options"));
    }

    private const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    private static WebApplicationFactory<Program> Production(MallPortalFactory host, string allowedHost) =>
        host.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("AllowedHosts", allowedHost);
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Loopback)));
        });

    private async Task<HttpClient> SignedInAsync(string path)
    {
        var client = app.Factory.CreateBrowserlessClient();
        var login = path.StartsWith("/merchant") ? "13800000001" : path.StartsWith("/distributor") ? "13800000011"
            : path.StartsWith("/admin") ? MallPortalFactory.AdminLogin : null;
        if (login is not null)
        {
            await MallPortalFactory.PostLoginAsync(client, login, login == MallPortalFactory.AdminLogin ? MallPortalFactory.AdminPassword : MallPortalFactory.DemoPassword);
        }
        return client;
    }

    private async Task<string> LinkCodeAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        return await db.PromotionLinks.OrderBy(l => l.Id).Select(l => l.Code).FirstAsync();
    }

    private static string Header(HttpResponseMessage answer, string name) =>
        answer.Headers.TryGetValues(name, out var values) || answer.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{answer.RequestMessage!.RequestUri} has no {name} header");

    private static string Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " "));

    private static IEnumerable<string> SetCookies(HttpResponseMessage answer) =>
        answer.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [GeneratedRegex("<script type=\"importmap\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMap();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScripts();

    private sealed class ThrowingPath : IStartupFilter
    {
        // Added after the app's own pipeline, so it runs inside the app's exception handler like any page would.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            next(builder);
            builder.Use((HttpContext context, Func<Task> _) =>
                context.Request.Path == "/boom" ? throw new InvalidOperationException("secret-detail") : Task.CompletedTask);
        };
    }
}
