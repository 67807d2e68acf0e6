namespace MallPortal.Core.Orders.Risk;

/// <summary>
/// The payment risk rules as pure decisions (no I/O, no clock: the caller gives the time and the history), so each is tested
/// with a fake clock.
/// </summary>
public static class RiskPolicy
{
    /// <summary>
    /// Whether one more payment attempt may go on: at most <see cref="RiskSettings.AttemptLimit"/> in the window per account,
    /// device and network (starts from the browser), and per card the buyer tried in the window (declines the provider
    /// reported, by any account: card testing), counted from the buyer's last SMS confirmation when that is later. Null: it may.
    /// </summary>
    public static AttemptBlock? Attempt(RiskSettings settings, AttemptTrace next, IReadOnlyList<AttemptTrace> recent, DateTime? clearedAt, DateTime now)
    {
        if (settings.AttemptLimit == 0)
        {
            return null;
        }
        var since = now.AddMinutes(-settings.AttemptWindowMinutes);
        if (clearedAt > since)
        {
            since = clearedAt.Value;
        }
        var all = recent.Where(a => a.At > since).ToList();
        var window = all.Where(a => a.CardHash is null).ToList();
        var byAccount = window.Count(a => a.UserId == next.UserId);
        if (byAccount >= settings.AttemptLimit)
        {
            return new AttemptBlock(AttemptKey.Account, byAccount);
        }
        var byDevice = next.DeviceHash is null ? 0 : window.Count(a => a.DeviceHash == next.DeviceHash);
        if (byDevice >= settings.AttemptLimit)
        {
            return new AttemptBlock(AttemptKey.Device, byDevice);
        }
        var byNetwork = next.NetworkHash is null ? 0 : window.Count(a => a.NetworkHash == next.NetworkHash);
        if (byNetwork >= settings.AttemptLimit)
        {
            return new AttemptBlock(AttemptKey.Network, byNetwork);
        }
        var byCard = all.Where(a => a.UserId == next.UserId && a.CardHash is not null).Select(a => a.CardHash).Distinct()
            .Select(card => all.Count(a => a.CardHash == card)).DefaultIfEmpty(0).Max();
        return byCard >= settings.AttemptLimit ? new AttemptBlock(AttemptKey.Card, byCard) : null;
    }

    /// <summary>
    /// Why a paid payment must wait for review, if it must: above the platform's line, a shop's order above that shop's own
    /// line, one of many accounts paying from its device or network (<paramref name="sharingAccounts"/>, itself included), or
    /// paid while its buyer was stopped for too many attempts and had not confirmed the SMS code.
    /// </summary>
    public static RiskSignals Payment(RiskSettings settings, long paymentFen, IEnumerable<ShopShare> orders, int sharingAccounts,
        bool stoppedUnverified = false)
    {
        var signals = stoppedUnverified ? RiskSignals.UnverifiedAttempts : RiskSignals.None;
        if (settings.HoldAboveFen > 0 && paymentFen > settings.HoldAboveFen)
        {
            signals |= RiskSignals.LargePayment;
        }
        if (orders.Any(o => o.HoldAboveFen is > 0 && o.TotalFen > o.HoldAboveFen))
        {
            signals |= RiskSignals.ShopLimit;
        }
        if (settings.SharedAccountLimit > 0 && sharingAccounts >= settings.SharedAccountLimit)
        {
            signals |= RiskSignals.SharedDevice;
        }
        return signals;
    }
}

/// <summary>One payment attempt as the rules see it: a start from the browser, or (with a card) a decline the provider reported.</summary>
public sealed record AttemptTrace(int UserId, string? DeviceHash, string? NetworkHash, DateTime At, string? CardHash = null);

public enum AttemptKey
{
    Account,
    Device,
    Network,
    Card,
}

/// <summary>Which count reached the limit, and how many attempts it has.</summary>
public sealed record AttemptBlock(AttemptKey Key, int Count);

/// <summary>One shop's order in a payment, with that shop's own review line (null: none).</summary>
public sealed record ShopShare(int ShopId, long TotalFen, long? HoldAboveFen);
