using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Accounts;

/// <summary>Decides whether another code may be sent now (pure: history and time come in).</summary>
public static class VerificationCodePolicy
{
    /// <param name="sentToTarget">When codes went to this phone or e-mail in the last 24 hours.</param>
    /// <param name="sentFromClientLastHour">How many codes this client IP asked for in the last hour.</param>
    public static void EnsureMaySend(VerificationCodeRules rules, IReadOnlyCollection<DateTime> sentToTarget,
        int sentFromClientLastHour, DateTime now)
    {
        var last = sentToTarget.Count == 0 ? (DateTime?)null : sentToTarget.Max();
        if (last is not null && now - last < rules.ResendCooldown)
        {
            var wait = (int)Math.Ceiling((rules.ResendCooldown - (now - last.Value)).TotalSeconds);
            throw new DomainException(string.Format(CoreText.CodeCooldown, wait), "Code");
        }
        var lastHour = sentToTarget.Count(t => now - t < TimeSpan.FromHours(1));
        var lastDay = sentToTarget.Count(t => now - t < TimeSpan.FromDays(1));
        if (lastHour >= rules.MaxPerHour || lastDay >= rules.MaxPerDay || sentFromClientLastHour >= rules.MaxPerClientIpPerHour)
        {
            throw new DomainException(CoreText.TooFrequent, "Code");
        }
    }
}
