using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MallPortal.Tests.Security;

/// <summary>
/// Each limited action with 2 attempts a minute per account and 3 per address: one account from two addresses is
/// stopped by its account's limit, several accounts from one address by the address's; other accounts and addresses
/// carry on. The client's address comes from a test-only header, set before the app's own middleware.
/// </summary>
public class AbuseLimitTests(ITestOutputHelper output)
{
    private const string Busy = "操作过于频繁";

    [Fact]
    public async Task Login_posts_are_limited_per_address_and_per_typed_account_with_a_Chinese_page()
    {
        using var app = new LimitedApp("Login");
        await AssertLimitedAsync(app, json: false, (ip, account) => MallPortalFactory.PostLoginAsync(app.Client(ip), account, "wrong-password1"),
            Typed("1390000000"));
        Assert.Equal(HttpStatusCode.OK, (await app.Client("10.0.0.1").GetAsync("/Account/Login")).StatusCode); // pages still load
    }

    [Fact]
    public async Task Sending_codes_is_limited_per_address_and_per_typed_contact()
    {
        using var app = new LimitedApp("Codes");
        await AssertLimitedAsync(app, json: false, (ip, account) => PostFormAsync(app.Client(ip), "/Account/LoginWithCode", "login-code",
            new() { ["Input.Login"] = account, ["Input.Action"] = "send" }), Typed("1390000001"));
    }

    [Fact]
    public async Task Registration_posts_are_limited_per_address_and_per_typed_contact()
    {
        using var app = new LimitedApp("Register");
        await AssertLimitedAsync(app, json: false, (ip, account) => PostFormAsync(app.Client(ip), "/Account/Register", "register",
            new() { ["Input.Login"] = account, ["Input.Action"] = "register", ["Input.Password"] = "short" }), Typed("1390000002"));
    }

    [Fact]
    public async Task Promotion_clicks_are_limited_per_address_and_per_signed_in_account()
    {
        using var app = new LimitedApp("PromotionClicks");
        await AssertLimitedAsync(app, json: false, async (ip, account) => await (await app.SignedInAsync(ip, account)).GetAsync("/r/AB12CD34"), DemoAccounts);
    }

    [Fact]
    public async Task The_JSON_API_is_limited_per_address_and_per_account_with_a_Chinese_problem_document()
    {
        using var app = new LimitedApp("Api");
        await AssertLimitedAsync(app, json: true, async (ip, account) => await (await app.SignedInAsync(ip, account)).PostAsJsonAsync("/api/checkout",
            new { lines = Array.Empty<object>(), addressId = 0, paymentMethod = "sandbox", idempotencyKey = Guid.NewGuid().ToString("N") }), DemoAccounts);
    }

    [Fact]
    public async Task Checkout_in_the_live_page_is_limited_per_buyer_and_per_address_in_Core()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite, configure: services => services.Configure<AbuseLimitOptions>(o =>
            (o.CheckoutPerAccountPerMinute, o.CheckoutPerIpPerMinute) = (2, 3)));
        var sku = await kit.SkuAsync(available: 50);
        var buyers = new Dictionary<string, (Actor Actor, int AddressId)>();
        foreach (var phone in DemoAccounts)
        {
            buyers[phone] = await kit.BuyerAsync(phone);
        }
        var checkout = kit.Get<CheckoutService>();
        var tried = 0;
        async Task<string?> PlaceAsync(string ip, string phone)
        {
            tried++;
            var (actor, address) = buyers[phone];
            var error = await Record.ExceptionAsync(() => checkout.PlaceOrderAsync(actor,
                new CheckoutInput([new CheckoutLine(sku.SkuId, 1)], address, "sandbox", Guid.NewGuid().ToString("N"), ClientAddress: ip)));
            return error?.Message;
        }

        await AssertScenarioAsync(async (ip, phone) => await PlaceAsync(ip, phone) is { } message && message.StartsWith(Busy), DemoAccounts);

        // The demo shopper (and the other service tests) place orders without a client address: not limited.
        var (first, address) = buyers[DemoAccounts[0]];
        await checkout.PlaceOrderAsync(first, new CheckoutInput([new CheckoutLine(sku.SkuId, 1)], address, "sandbox", Guid.NewGuid().ToString("N")));
        output.WriteLine($"checkout: {tried} attempts");
    }

    private static string[] Typed(string prefix) => Enumerable.Range(0, 6).Select(i => prefix + i).ToArray();

    // Six demo accounts that may sign in (consumers and distributors; the merchant of the other shop).
    private static readonly string[] DemoAccounts = ["13800000021", "13800000002", "13800000011", "13800000012", "13800000013", "13800000022"];

    private async Task AssertLimitedAsync(LimitedApp app, bool json, Func<string, string, Task<HttpResponseMessage>> attempt, string[] accounts)
    {
        var refusals = new List<HttpResponseMessage>();
        await AssertScenarioAsync(async (ip, account) =>
        {
            var response = await attempt(ip, account);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return false;
            }
            refusals.Add(response);
            return true;
        }, accounts);

        Assert.Equal(2, refusals.Count);
        foreach (var refused in refusals)
        {
            Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}");
            var body = await refused.Content.ReadAsStringAsync();
            if (json)
            {
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                var problem = JsonDocument.Parse(body).RootElement;
                Assert.Equal((429, "操作过于频繁"), (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString()));
                Assert.Contains("请一分钟后再试", problem.GetProperty("detail").GetString());
            }
            else
            {
                Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
                Assert.Contains(Busy, body);
            }
        }
        output.WriteLine($"{app.Action}: {app.Attempts} attempts, {refusals.Count} answered 429");
    }

    /// <summary>
    /// Per account (2): account 0 from addresses 1 and 2 passes, a third try from address 1 is refused, account 1 on
    /// address 2 passes. Per address (3): accounts 2, 3, 4 from address 3 pass, account 5 there is refused and passes
    /// from address 4.
    /// </summary>
    private static async Task AssertScenarioAsync(Func<string, string, Task<bool>> refused, string[] accounts)
    {
        Assert.False(await refused("10.0.0.1", accounts[0]));
        Assert.False(await refused("10.0.0.2", accounts[0]));
        Assert.True(await refused("10.0.0.1", accounts[0]), "the account's limit");
        Assert.False(await refused("10.0.0.2", accounts[1]));

        Assert.False(await refused("10.0.0.3", accounts[2]));
        Assert.False(await refused("10.0.0.3", accounts[3]));
        Assert.False(await refused("10.0.0.3", accounts[4]));
        Assert.True(await refused("10.0.0.3", accounts[5]), "the address's limit");
        Assert.False(await refused("10.0.0.4", accounts[5]));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = await MallPortalFactory.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    /// <summary>The app with one action limited to 2 a minute per account and 3 per address, and clients per address.</summary>
    private sealed class LimitedApp : IDisposable
    {
        private const string AddressHeader = "X-Test-Client-Address";
        private readonly MallPortalFactory _factory;
        private readonly WebApplicationFactory<Program> _app;
        private readonly Dictionary<string, HttpClient> _clients = [];

        public LimitedApp(string action)
        {
            Action = action;
            _factory = new MallPortalFactory(new Dictionary<string, string>
            {
                ["RateLimits:AccountPostsPerMinute"] = "100000",
                [$"RateLimits:{action}PerAccountPerMinute"] = "2",
                [$"RateLimits:{action}PerIpPerMinute"] = "3",
            });
            _app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, AddressFromHeader>()));
        }

        public string Action { get; }

        public int Attempts { get; private set; }

        public HttpClient Client(string ip)
        {
            Attempts++;
            var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(AddressHeader, ip);
            return client;
        }

        /// <summary>One signed-in client per account and address (signing in is not the limited action here).</summary>
        public async Task<HttpClient> SignedInAsync(string ip, string account)
        {
            Attempts++;
            if (!_clients.TryGetValue($"{ip}/{account}", out var client))
            {
                client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                client.DefaultRequestHeaders.Add(AddressHeader, ip);
                Assert.Equal(HttpStatusCode.Redirect, (await MallPortalFactory.PostLoginAsync(client, account, MallPortalFactory.DemoPassword)).StatusCode);
                _clients[$"{ip}/{account}"] = client;
            }
            return client;
        }

        public void Dispose()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }
            _app.Dispose();
            _factory.Dispose();
        }

        private sealed class AddressFromHeader : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, proceed) =>
                {
                    if (IPAddress.TryParse(context.Request.Headers[AddressHeader], out var address))
                    {
                        context.Connection.RemoteIpAddress = address;
                    }
                    return proceed(context);
                });
                next(app);
            };
        }
    }
}
