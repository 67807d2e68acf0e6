using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders.Risk;

/// <summary>The risk rules, actions and reasons in the words the admin and the buyer read.</summary>
public static class RiskText
{
    public static string Rule(RiskRule? rule) => rule switch
    {
        RiskRule.LargePayment => CoreText.RiskRuleLargePayment,
        RiskRule.ShopLimit => CoreText.RiskRuleShopLimit,
        RiskRule.RapidAttempts => CoreText.RiskRuleRapidAttempts,
        RiskRule.SharedDevice => CoreText.RiskRuleSharedDevice,
        RiskRule.SharedWithDistributor => CoreText.RiskRuleSharedWithDistributor,
        _ => CoreText.RiskRuleDecision,
    };

    public static string Action(RiskAction action) => action switch
    {
        RiskAction.Held => CoreText.RiskActionHeld,
        RiskAction.Blocked => CoreText.RiskActionBlocked,
        RiskAction.Verified => CoreText.RiskActionVerified,
        RiskAction.Released => CoreText.RiskActionReleased,
        RiskAction.Refused => CoreText.RiskActionRefused,
        _ => CoreText.RiskActionCommissionHeld,
    };

    /// <summary>The rules behind a held payment's signals, one risk event each.</summary>
    public static IEnumerable<RiskRule> Rules(RiskSignals signals)
    {
        if (signals.HasFlag(RiskSignals.LargePayment))
        {
            yield return RiskRule.LargePayment;
        }
        if (signals.HasFlag(RiskSignals.ShopLimit))
        {
            yield return RiskRule.ShopLimit;
        }
        if (signals.HasFlag(RiskSignals.SharedDevice))
        {
            yield return RiskRule.SharedDevice;
        }
        if (signals.HasFlag(RiskSignals.UnverifiedAttempts))
        {
            yield return RiskRule.RapidAttempts;
        }
    }

    public static string Signals(RiskSignals signals) => string.Join("、", Rules(signals).Select(r => Rule(r)));

    /// <summary>Why a payment was held, with the figures that tripped each rule.</summary>
    public static string Held(RiskSignals signals, Money amount, Money platformLine, IEnumerable<ShopShare> shares, int sharingAccounts)
    {
        var parts = new List<string>();
        if (signals.HasFlag(RiskSignals.LargePayment))
        {
            parts.Add(string.Format(CoreText.RiskDetailLarge, amount, platformLine));
        }
        foreach (var share in shares.Where(s => signals.HasFlag(RiskSignals.ShopLimit) && s.HoldAboveFen is > 0 && s.TotalFen > s.HoldAboveFen))
        {
            parts.Add(string.Format(CoreText.RiskDetailShop, new Money(share.TotalFen), new Money(share.HoldAboveFen!.Value)));
        }
        if (signals.HasFlag(RiskSignals.SharedDevice))
        {
            parts.Add(string.Format(CoreText.RiskDetailShared, sharingAccounts));
        }
        if (signals.HasFlag(RiskSignals.UnverifiedAttempts))
        {
            parts.Add(CoreText.RiskDetailUnverified);
        }
        return string.Join("；", parts);
    }

    public static string Attempts(AttemptBlock block, int minutes) =>
        string.Format(CoreText.RiskDetailAttempts, minutes, block.Key switch
        {
            AttemptKey.Account => CoreText.RiskKeyAccount,
            AttemptKey.Device => CoreText.RiskKeyDevice,
            AttemptKey.Card => CoreText.RiskKeyCard,
            _ => CoreText.RiskKeyNetwork,
        }, block.Count);
}
