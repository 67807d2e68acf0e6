namespace MallPortal.Core.Distribution.Risk;

/// <summary>What is known of an order's buyer when its commission is estimated.</summary>
/// <param name="Phones">The buyer account's mobile and the order's recipient mobile.</param>
/// <param name="Traces">Hashes of the devices and public networks the buyer signed in from lately.</param>
public sealed record BuyerFacts(int UserId, IReadOnlySet<string> Phones, string Address, IReadOnlySet<string> Traces);

/// <summary>What is known of a distributor who would earn on the order.</summary>
/// <param name="Addresses">Its own address book, normalized by <see cref="CommissionRiskPolicy.NormalizeAddress"/>.</param>
/// <param name="RecentOrders">Its promoted orders paid within <see cref="CommissionRiskPolicy.BurstDays"/> days, this one included.</param>
/// <param name="RecentRefunded">How many of those were refunded.</param>
public sealed record BeneficiaryFacts(int DistributorId, int UserId, IReadOnlySet<string> Phones, IReadOnlySet<string> Addresses,
    IReadOnlySet<string> Traces, int RecentOrders, int RecentRefunded);

/// <summary>
/// The abuse signals of DESIGN §5 for one beneficiary of one order (decision 0010): a buyer who shares the beneficiary's phone,
/// address, device or network is likely the beneficiary under another account; a buyer who is the beneficiary earns only as
/// level 1 under the shop's self-purchase switch (内购); a promoter whose recent orders were mostly refunded is buying to
/// earn and returning the goods. Any signal holds the commission for the admin, none voids it by itself.
/// </summary>
public static class CommissionRiskPolicy
{
    /// <summary>Sign-ins this recent count as the same device or network.</summary>
    public const int TraceDays = 30;

    public const int BurstDays = 7;

    /// <summary>Fewer promoted orders than this say nothing about a refund rate.</summary>
    public const int BurstMinOrders = 5;

    /// <summary>At least this share of the recent promoted orders refunded is a burst of orders then refunds.</summary>
    public const int BurstRefundedPercent = 50;

    public static CommissionRisk Assess(BuyerFacts buyer, BeneficiaryFacts beneficiary, int level, bool selfPurchase)
    {
        if (buyer.UserId == beneficiary.UserId)
        {
            return selfPurchase && level == 1 ? CommissionRisk.None : CommissionRisk.SelfDealing;
        }
        var risk = CommissionRisk.None;
        if (buyer.Phones.Overlaps(beneficiary.Phones))
        {
            risk |= CommissionRisk.SharedPhone;
        }
        if (beneficiary.Addresses.Contains(NormalizeAddress(buyer.Address)))
        {
            risk |= CommissionRisk.SharedAddress;
        }
        if (buyer.Traces.Overlaps(beneficiary.Traces))
        {
            risk |= CommissionRisk.SharedDevice;
        }
        if (level == 1 && IsRefundBurst(beneficiary.RecentOrders, beneficiary.RecentRefunded))
        {
            risk |= CommissionRisk.RefundBurst;
        }
        return risk;
    }

    public static bool IsRefundBurst(int orders, int refunded) => orders >= BurstMinOrders && refunded * 100 >= orders * BurstRefundedPercent;

    /// <summary>The same address typed with other spaces or punctuation is the same address.</summary>
    public static string NormalizeAddress(string address) =>
        string.Concat(address.Where(char.IsLetterOrDigit)).ToUpperInvariant();
}
