using System.Threading.RateLimiting;

namespace MallPortal.Core.Common;

/// <summary>
/// Where the abuse limits' one-minute windows are counted (<see cref="AbuseLimits"/> and the web host's request limiter):
/// in this process on one instance, or in a store every instance shares when scaled out (the web host's Redis), so
/// that two instances do not give an attacker twice the attempts.
/// </summary>
public interface IAbuseWindows
{
    /// <summary>The fixed one-minute window for <paramref name="key"/> (an action, and an address or an account).</summary>
    RateLimitPartition<string> For(string key, int permitsPerMinute);
}

/// <summary>Windows counted in this process: right for one instance, the default.</summary>
public sealed class InProcessAbuseWindows : IAbuseWindows
{
    public RateLimitPartition<string> For(string key, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permitsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
}
