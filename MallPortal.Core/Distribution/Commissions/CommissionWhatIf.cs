using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// 佣金试算: what the shop's promoted, paid lines of the last days would have cost under proposed rates, level by level,
/// beside what they did cost (net of reversals). The same calculator, the orders' own attribution chains, today's
/// product rules and grades; nothing is written.
/// </summary>
public sealed class CommissionWhatIf(IDbContextFactory<MallDbContext> contexts, DistributionSettingsStore settingsStore, TimeProvider clock)
{
    public const int MaxLines = 20_000;

    public async Task<WhatIfResult> RunAsync(Actor actor, CommissionPolicyInput proposed, int days, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        var settings = await settingsStore.GetAsync(cancellationToken);
        var levels = Math.Clamp(proposed.Levels, 1, settings.MaxDepth);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Clamp(days, 1, 366));
        var lines = await (from a in db.OrderAttributions
                           join o in db.Orders on a.OrderId equals o.Id
                           join l in db.OrderLines on o.Id equals l.OrderId
                           join k in db.ProductSkus on l.SkuId equals k.Id
                           where o.ShopId == shopId && o.PaidAt >= since && !a.ShopBlocked
                           select new { o.Id, LineId = l.Id, l.ProductId, l.Amount, l.Quantity, k.CostPrice, a.DistributorId, a.Level2DistributorId, a.Level3DistributorId })
            .Take(MaxLines).ToListAsync(cancellationToken);
        var productIds = lines.Select(l => l.ProductId).Distinct().ToList();
        var overrides = await db.ProductCommissionRules.AsNoTracking().Where(r => productIds.Contains(r.ProductId)).ToDictionaryAsync(r => r.ProductId, cancellationToken);
        var grades = await (from d in db.Distributors join g in db.DistributorGrades on d.GradeId equals g.Id select new { d.Id, Grade = g })
            .AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Grade.Rates, cancellationToken);
        var rates = new[] { proposed.Level1Bp, proposed.Level2Bp, proposed.Level3Bp }.Take(levels).Select(r => new BasisPoints(Math.Max(0, r))).ToList();
        var shopRule = new CommissionRule(rates, proposed.Base);
        var wouldCost = new long[3];
        foreach (var line in lines)
        {
            var rule = overrides.TryGetValue(line.ProductId, out var own) ? own.ToRule(levels, proposed.Base) : shopRule;
            if (rule is null)
            {
                continue;
            }
            var chain = new[] { (int?)line.DistributorId, line.Level2DistributorId, line.Level3DistributorId }
                .Select(id => id is { } d ? new Beneficiary(d, grades.GetValueOrDefault(d)) : null).ToList();
            var cost = line.CostPrice is { } unit ? unit.Fen * line.Quantity : (long?)null;
            foreach (var share in CommissionCalculator.Split(new CommissionLine(line.LineId, line.Amount.Fen, cost, line.Quantity), rule, chain, settings.CommissionCap))
            {
                wouldCost[share.Level - 1] += share.AmountFen;
            }
        }
        var orderIds = lines.Select(l => l.Id).Distinct().ToList();
        var didCost = await db.Commissions.Where(c => orderIds.Contains(c.OrderId)).GroupBy(c => c.Level)
            .Select(g => new { g.Key, Fen = g.Sum(c => c.AmountFen - c.ReversedFen) }).ToDictionaryAsync(g => g.Key, g => g.Fen, cancellationToken);
        return new WhatIfResult(lines.Count, lines.Select(l => l.Amount.Fen).Sum(),
            Enumerable.Range(1, 3).Select(level => new WhatIfLevel(level, new Money(didCost.GetValueOrDefault(level)), new Money(wouldCost[level - 1]))).ToList());
    }
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
