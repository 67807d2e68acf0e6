using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Settlement;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// At payment: who earns on an order (its attribution's chain, or the buyer's own chain for a shop with self-purchase
/// commission), under the shop's policy as it is now, capped per line; one estimated commission per line, beneficiary and
/// level. A suspended distributor, or one the shop has blocked, earns nothing; if that is the promoter, nobody does.
/// </summary>
internal sealed class CommissionEstimator(DistributionSettingsStore settingsStore)
{
    public async Task EstimateAsync(MallDbContext db, CommissionLedger ledger, ShopLedger shops, Order order, CancellationToken cancellationToken)
    {
        var policy = await db.CommissionPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.ShopId == order.ShopId && p.Enabled, cancellationToken);
        if (policy is null || await db.Commissions.AnyAsync(c => c.OrderId == order.Id, cancellationToken))
        {
            return;
        }
        var settings = await settingsStore.GetAsync(db, cancellationToken);
        var levels = Math.Min(policy.Levels, settings.MaxDepth);
        var chain = await ChainAsync(db, order, policy, levels, cancellationToken);
        if (chain.Count == 0 || chain[0] is null)
        {
            return;
        }
        var skuIds = order.Lines.Select(l => l.SkuId).ToList();
        var costs = await db.ProductSkus.Where(s => skuIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.CostPrice, cancellationToken);
        var rule = new CommissionRule(policy.Rates.Take(levels).ToList(), policy.Base);
        foreach (var line in order.Lines)
        {
            var cost = costs.GetValueOrDefault(line.SkuId) is { } unit ? unit.Fen * line.Quantity : (long?)null;
            foreach (var share in CommissionCalculator.Split(new CommissionLine(line.Id, line.Amount.Fen, cost), rule, chain, settings.CommissionCap))
            {
                var commission = Commission.Estimate(order.Id, order.ShopId, share, order.PaidAt ?? ledger.Now);
                db.Commissions.Add(commission);
                ledger.Move(commission, CommissionEntryKind.Accrued, null, CommissionBucket.Estimated, commission.AmountFen);
                await shops.OnOrderAsync(order.Id, line.Id, SettlementEntryKind.Commission, -commission.AmountFen, cancellationToken);
            }
        }
    }

    /// <summary>Level by level, the distributor id who earns, or null where nobody may.</summary>
    private static async Task<IReadOnlyList<int?>> ChainAsync(MallDbContext db, Order order, CommissionPolicy policy, int levels,
        CancellationToken cancellationToken)
    {
        var buyer = await db.Distributors.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == order.BuyerUserId, cancellationToken);
        List<int?> ids;
        if (policy.SelfPurchase && buyer is { IsActive: true })
        {
            ids = [buyer.Id, .. HierarchyPolicy.UplineOf(buyer.Path, levels - 1).Select(id => (int?)id)];
        }
        else if (await db.OrderAttributions.AsNoTracking().SingleOrDefaultAsync(a => a.OrderId == order.Id, cancellationToken) is { ShopBlocked: false } a
                 && a.DistributorId != buyer?.Id)
        {
            ids = [a.DistributorId, a.Level2DistributorId, a.Level3DistributorId];
        }
        else
        {
            return [];
        }
        ids = ids.Take(levels).ToList();
        var known = ids.OfType<int>().ToList();
        var active = await db.Distributors.Where(d => known.Contains(d.Id) && d.Status == DistributorStatus.Active).Select(d => d.Id).ToListAsync(cancellationToken);
        var blocked = await db.ShopDistributorBlocks.Where(b => b.ShopId == order.ShopId && known.Contains(b.DistributorId) && b.LiftedAt == null)
            .Select(b => b.DistributorId).ToListAsync(cancellationToken);
        return ids.Select(id => id is { } d && active.Contains(d) && !blocked.Contains(d) ? id : null).ToList();
    }
}
