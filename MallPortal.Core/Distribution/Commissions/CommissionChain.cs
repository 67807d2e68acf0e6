namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// Who earns on an order, level by level, before suspensions and shop blocks: under the shop's self-purchase switch (内购) a
/// buyer who is an active distributor earns level 1 and its upline the rest; otherwise the order's attribution chain, unless
/// the promoter is the buyer. The same rule at payment (<see cref="CommissionEstimator"/>) and in the what-if.
/// </summary>
public static class CommissionChain
{
    /// <param name="buyerDistributor">The buyer's own distributor id and path when it is an active distributor.</param>
    /// <param name="attributed">The order's attribution chain (promoter, level 2, level 3) when one counts for the shop.</param>
    public static IReadOnlyList<int?> Of(bool selfPurchase, (int Id, string Path)? buyerDistributor, (int Promoter, int? Level2, int? Level3)? attributed,
        int levels)
    {
        if (selfPurchase && buyerDistributor is { } buyer)
        {
            return [buyer.Id, .. HierarchyPolicy.UplineOf(buyer.Path, levels - 1).Select(id => (int?)id)];
        }
        return attributed is { } a && a.Promoter != buyerDistributor?.Id ? new int?[] { a.Promoter, a.Level2, a.Level3 }.Take(levels).ToList() : [];
    }
}
