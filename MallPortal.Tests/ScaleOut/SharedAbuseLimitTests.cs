using System.Net;
using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using MallPortal.Hosting;
using MallPortal.Tests.Support;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MallPortal.Tests.ScaleOut;

/// <summary>
/// Abuse limits are counted once however many instances serve the site: through Redis when it is configured, so two
/// instances behind a proxy do not give one address or one account twice the attempts.
/// </summary>
public class SharedAbuseLimitTests
{
    private static readonly AbuseLimitOptions ThreeCheckouts = new() { CheckoutPerAccountPerMinute = 3, CheckoutPerIpPerMinute = 1000 };

    [ScaleOutFact("redis")]
    public async Task Checkout_attempts_on_two_instances_share_one_window_per_account()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConnectionString!);
        var prefix = "test-" + Guid.NewGuid().ToString("N")[..8];
        using var a = new AbuseLimits(Options.Create(ThreeCheckouts), new RedisAbuseWindows(redis, prefix));
        using var b = new AbuseLimits(Options.Create(ThreeCheckouts), new RedisAbuseWindows(redis, prefix));

        await a.EnsureCheckoutAsync(7, "10.0.0.1");
        await b.EnsureCheckoutAsync(7, "10.0.0.1");
        await a.EnsureCheckoutAsync(7, "10.0.0.1");
        var refused = await Assert.ThrowsAsync<DomainException>(() => b.EnsureCheckoutAsync(7, "10.0.0.1"));

        Assert.Equal(CoreText.TooFrequent, refused.Message);
        await b.EnsureCheckoutAsync(8, "10.0.0.1"); // another account has its own window
    }

    [Fact]
    public async Task Counted_in_process_each_instance_would_grant_its_own_window()
    {
        using var a = new AbuseLimits(Options.Create(ThreeCheckouts), new InProcessAbuseWindows());
        using var b = new AbuseLimits(Options.Create(ThreeCheckouts), new InProcessAbuseWindows());

        for (var i = 0; i < 3; i++)
        {
            await a.EnsureCheckoutAsync(7, "10.0.0.1");
            await b.EnsureCheckoutAsync(7, "10.0.0.1");
        }

        await Assert.ThrowsAsync<DomainException>(() => a.EnsureCheckoutAsync(7, "10.0.0.1"));
    }

    [ScaleOutFact("instances")]
    public async Task Promotion_clicks_from_one_address_spread_over_both_instances_meet_one_limit()
    {
        var (instanceA, instanceB, _) = TestEnvironment.TwoInstances!.Value;
        var limit = new AbuseLimitOptions().PromotionClicksPerIpPerMinute;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= limit; i++)
        {
            using var answer = await http.GetAsync(new Uri(new Uri(i % 2 == 0 ? instanceA : instanceB), "/r/ZZZZZZ"));
            statuses.Add(answer.StatusCode);
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.InRange(answer.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
            }
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(limit));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[limit]);
    }
}
