using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// 佣金试算: what the shop's paid lines of the last days would have cost under proposed rates, self-purchase switch and grade
/// tiers, level by level, beside what they did cost (net of reversals). The same calculator and chain rule as at payment
/// (the buyer's own chain under 内购, else the order's attribution), today's product rules; nothing is written.
/// </summary>
public sealed class CommissionWhatIf(IDbContextFactory<MallDbContext> contexts, DistributionSettingsStore settingsStore, TimeProvider clock)
{
    public const int MaxLines = 20_000;

    /// <param name="grades">Rates to try for some of the platform's grades in place of theirs; the others keep their own.</param>
    public async Task<WhatIfResult> RunAsync(Actor actor, CommissionPolicyInput proposed, int days, IReadOnlyList<GradeRates>? grades = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        var settings = await settingsStore.GetAsync(cancellationToken);
        var levels = Math.Clamp(proposed.Levels, 1, settings.MaxDepth);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Clamp(days, 1, 366));
        var lines = await (from o in db.Orders
                           join l in db.OrderLines on o.Id equals l.OrderId
                           join k in db.ProductSkus on l.SkuId equals k.Id
                           from a in db.OrderAttributions.Where(a => a.OrderId == o.Id && !a.ShopBlocked).DefaultIfEmpty()
                           from b in db.Distributors.Where(d => d.UserId == o.BuyerUserId && d.Status == DistributorStatus.Active).DefaultIfEmpty()
                           where o.ShopId == shopId && o.PaidAt >= since && (a != null || b != null)
                           select new WhatIfLine(o.Id, l.Id, l.ProductId, l.Amount, l.Quantity, k.CostPrice,
                               a == null ? null : a.DistributorId, a == null ? null : a.Level2DistributorId, a == null ? null : a.Level3DistributorId,
                               b == null ? null : b.Id, b == null ? null : b.Path))
            .Take(MaxLines).ToListAsync(cancellationToken);
        var productIds = lines.Select(l => l.ProductId).Distinct().ToList();
        var overrides = await db.ProductCommissionRules.AsNoTracking().Where(r => productIds.Contains(r.ProductId)).ToDictionaryAsync(r => r.ProductId, cancellationToken);
        var tried = (grades ?? []).ToDictionary(g => g.GradeId, g => g.Rates);
        var graded = await (from d in db.Distributors join g in db.DistributorGrades on d.GradeId equals g.Id select new { d.Id, Grade = g })
            .AsNoTracking().ToDictionaryAsync(x => x.Id, x => tried.GetValueOrDefault(x.Grade.Id) ?? x.Grade.Rates, cancellationToken);
        var rates = new[] { proposed.Level1Bp, proposed.Level2Bp, proposed.Level3Bp }.Take(levels).Select(r => new BasisPoints(Math.Max(0, r))).ToList();
        var shopRule = new CommissionRule(rates, proposed.Base);
        var wouldCost = new long[3];
        var counted = new List<WhatIfLine>();
        foreach (var line in lines)
        {
            var rule = overrides.TryGetValue(line.ProductId, out var own) ? own.ToRule(levels, proposed.Base) : shopRule;
            var chain = line.Chain(proposed.SelfPurchase, levels);
            if (rule is null || chain.Count == 0)
            {
                continue;
            }
            counted.Add(line);
            var beneficiaries = chain.Select(id => id is { } d ? new Beneficiary(d, graded.GetValueOrDefault(d)) : null).ToList();
            var cost = line.CostPrice is { } unit ? unit.Fen * line.Quantity : (long?)null;
            foreach (var share in CommissionCalculator.Split(new CommissionLine(line.LineId, line.Paid.Fen, cost, line.Quantity), rule, beneficiaries, settings.CommissionCap))
            {
                wouldCost[share.Level - 1] += share.AmountFen;
            }
        }
        var orderIds = counted.Select(l => l.OrderId).Distinct().ToList();
        var didCost = await db.Commissions.Where(c => orderIds.Contains(c.OrderId)).GroupBy(c => c.Level)
            .Select(g => new { g.Key, Fen = g.Sum(c => c.AmountFen - c.ReversedFen) }).ToDictionaryAsync(g => g.Key, g => g.Fen, cancellationToken);
        return new WhatIfResult(counted.Count, counted.Sum(l => l.Paid.Fen),
            Enumerable.Range(1, 3).Select(level => new WhatIfLevel(level, new Money(didCost.GetValueOrDefault(level)), new Money(wouldCost[level - 1]))).ToList());
    }

    private sealed record WhatIfLine(int OrderId, int LineId, int ProductId, Money Paid, int Quantity, Money? CostPrice,
        int? Promoter, int? Level2, int? Level3, int? BuyerDistributor, string? BuyerPath)
    {
        public IReadOnlyList<int?> Chain(bool selfPurchase, int levels) => CommissionChain.Of(selfPurchase,
            BuyerDistributor is { } buyer ? (buyer, BuyerPath!) : null, Promoter is { } promoter ? (promoter, Level2, Level3) : null, levels);
    }
}

/// <summary>Rates to try for one grade (basis points per level).</summary>
public sealed record GradeRates(int GradeId, int Level1Bp, int Level2Bp, int Level3Bp)
{
    public IReadOnlyList<BasisPoints> Rates => [new(Math.Max(0, Level1Bp)), new(Math.Max(0, Level2Bp)), new(Math.Max(0, Level3Bp))];
}

public sealed record WhatIfLevel(int Level, Money Actual, Money Proposed)
{
    public Money Difference => Proposed - Actual;
}

public sealed record WhatIfResult(int Lines, long PaidFen, IReadOnlyList<WhatIfLevel> Levels)
{
    public Money Paid => new(PaidFen);

    public Money Actual => new(Levels.Sum(l => l.Actual.Fen));

    public Money Proposed => new(Levels.Sum(l => l.Proposed.Fen));
}
