using System.Threading.RateLimiting;
using MallPortal.Core.Resources;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Common;

/// <summary>
/// Attempts a minute for actions taken inside a live page, where no HTTP request passes the web rate limiter: one fixed
/// window per action and account and one per action and client address (<see cref="AbuseLimitOptions"/>). Over either
/// limit the attempt is refused with "操作过于频繁"; the count is in memory, per app instance, like the web limiter's.
/// </summary>
public sealed class AbuseLimits(IOptions<AbuseLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _windows = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, LimitOf(options.Value, k)),
            Window = TimeSpan.FromMinutes(1),
        }));

    /// <summary>A client whose address is not known: limited by account only, so such clients do not share one window.</summary>
    public const string UnknownAddress = "unknown";

    /// <summary>Placing orders: by the buyer, and by the address the page was opened from.</summary>
    public void EnsureCheckout(int userId, string clientAddress)
    {
        Take($"checkout/account/{userId}");
        if (clientAddress != UnknownAddress)
        {
            Take($"checkout/ip/{clientAddress}");
        }
    }

    public void Dispose() => _windows.Dispose();

    private void Take(string key)
    {
        using var lease = _windows.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            throw new DomainException(CoreText.TooFrequent);
        }
    }

    private static int LimitOf(AbuseLimitOptions limits, string key) =>
        key.StartsWith("checkout/ip/", StringComparison.Ordinal) ? limits.CheckoutPerIpPerMinute : limits.CheckoutPerAccountPerMinute;
}
