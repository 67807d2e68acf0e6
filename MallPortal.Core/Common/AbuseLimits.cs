using System.Threading.RateLimiting;
using MallPortal.Core.Resources;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Common;

/// <summary>
/// Attempts a minute for actions taken inside a live page, where no HTTP request passes the web rate limiter: one fixed
/// window per action and account and one per action and client address (<see cref="AbuseLimitOptions"/>). Over either
/// limit the attempt is refused with "操作过于频繁". The windows are counted where <see cref="IAbuseWindows"/> says, like
/// the web limiter's: in memory on one instance, in Redis shared by every instance when scaled out.
/// </summary>
public sealed class AbuseLimits(IOptions<AbuseLimitOptions> options, IAbuseWindows windows) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _windows =
        PartitionedRateLimiter.Create<string, string>(key => windows.For(key, LimitOf(options.Value, key)));

    /// <summary>A client whose address is not known: limited by account only, so such clients do not share one window.</summary>
    public const string UnknownAddress = "unknown";

    /// <summary>Placing orders: by the buyer, and by the address the page was opened from.</summary>
    public async Task EnsureCheckoutAsync(int userId, string clientAddress, CancellationToken cancellationToken = default)
    {
        await TakeAsync($"checkout/account/{userId}", cancellationToken);
        if (clientAddress != UnknownAddress)
        {
            await TakeAsync($"checkout/ip/{clientAddress}", cancellationToken);
        }
    }

    public void Dispose() => _windows.Dispose();

    private async Task TakeAsync(string key, CancellationToken cancellationToken)
    {
        using var lease = await _windows.AcquireAsync(key, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new DomainException(CoreText.TooFrequent);
        }
    }

    private static int LimitOf(AbuseLimitOptions limits, string key) =>
        key.StartsWith("checkout/ip/", StringComparison.Ordinal) ? limits.CheckoutPerIpPerMinute : limits.CheckoutPerAccountPerMinute;
}
