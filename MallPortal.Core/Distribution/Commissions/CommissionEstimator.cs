using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Settlement;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// At payment: who earns on an order (its attribution's chain, or the buyer's own chain for a shop with self-purchase
/// commission), under the shop's policy as it is now, capped per line; one estimated commission per line, beneficiary and
/// level. A suspended distributor, or one the shop has blocked, earns nothing; if that is the promoter, nobody does. A commission
/// with abuse signals is held for the admin's review (decision 0010).
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
        var productIds = order.Lines.Select(l => l.ProductId).ToList();
        var costs = await db.ProductSkus.Where(s => skuIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.CostPrice, cancellationToken);
        var overrides = await db.ProductCommissionRules.AsNoTracking().Where(r => productIds.Contains(r.ProductId)).ToDictionaryAsync(r => r.ProductId, cancellationToken);
        var beneficiaries = await GradedAsync(db, chain, cancellationToken);
        var risks = await Risk.CommissionRiskCheck.AssessAsync(db, order, chain, policy.SelfPurchase, order.PaidAt ?? ledger.Now, cancellationToken);
        await Risk.CommissionRiskText.LogAsync(db, order, risks, ledger.Now, cancellationToken);
        var shopRule = new CommissionRule(policy.Rates.Take(levels).ToList(), policy.Base);
        foreach (var line in order.Lines)
        {
            var rule = overrides.TryGetValue(line.ProductId, out var own) ? own.ToRule(levels, policy.Base) : shopRule;
            if (rule is null)
            {
                continue;
            }
            var cost = costs.GetValueOrDefault(line.SkuId) is { } unit ? unit.Fen * line.Quantity : (long?)null;
            var commissionLine = new CommissionLine(line.Id, line.Amount.Fen, cost, line.Quantity);
            foreach (var share in CommissionCalculator.Split(commissionLine, rule, beneficiaries, settings.CommissionCap))
            {
                var commission = Commission.Estimate(order.Id, order.ShopId, line.Amount.Fen, share, order.PaidAt ?? ledger.Now);
                commission.HoldFor(risks.GetValueOrDefault(share.DistributorId));
                db.Commissions.Add(commission);
                ledger.Move(commission, CommissionEntryKind.Accrued, null, CommissionBucket.Estimated, commission.AmountFen);
                await shops.OnOrderAsync(order.Id, line.Id, SettlementEntryKind.Commission, -commission.AmountFen, cancellationToken);
            }
        }
    }

    /// <summary>Each beneficiary with its grade's rates, when it has a grade.</summary>
    private static async Task<IReadOnlyList<Beneficiary?>> GradedAsync(MallDbContext db, IReadOnlyList<int?> chain, CancellationToken cancellationToken)
    {
        var ids = chain.OfType<int>().ToList();
        var grades = await (from d in db.Distributors
                            join g in db.DistributorGrades on d.GradeId equals g.Id
                            where ids.Contains(d.Id)
                            select new { d.Id, Grade = g }).AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Grade.Rates, cancellationToken);
        return chain.Select(id => id is { } d ? new Beneficiary(d, grades.GetValueOrDefault(d)) : null).ToList();
    }

    /// <summary>Level by level, the distributor id who earns, or null where nobody may.</summary>
    private static async Task<IReadOnlyList<int?>> ChainAsync(MallDbContext db, Order order, CommissionPolicy policy, int levels,
        CancellationToken cancellationToken)
    {
        var buyer = await db.Distributors.AsNoTracking().Where(d => d.UserId == order.BuyerUserId && d.Status == DistributorStatus.Active)
            .Select(d => new { d.Id, d.Path }).SingleOrDefaultAsync(cancellationToken);
        var attribution = await db.OrderAttributions.AsNoTracking().Where(a => a.OrderId == order.Id && !a.ShopBlocked)
            .Select(a => new { a.DistributorId, a.Level2DistributorId, a.Level3DistributorId }).SingleOrDefaultAsync(cancellationToken);
        var ids = CommissionChain.Of(policy.SelfPurchase, buyer is null ? null : (buyer.Id, buyer.Path),
            attribution is null ? null : (attribution.DistributorId, attribution.Level2DistributorId, attribution.Level3DistributorId), levels);
        if (ids.Count == 0)
        {
            return [];
        }
        var known = ids.OfType<int>().ToList();
        var active = await db.Distributors.Where(d => known.Contains(d.Id) && d.Status == DistributorStatus.Active).Select(d => d.Id).ToListAsync(cancellationToken);
        var blocked = await db.ShopDistributorBlocks.Where(b => b.ShopId == order.ShopId && known.Contains(b.DistributorId) && b.LiftedAt == null)
            .Select(b => b.DistributorId).ToListAsync(cancellationToken);
        return ids.Select(id => id is { } d && active.Contains(d) && !blocked.Contains(d) ? id : null).ToList();
    }
}
