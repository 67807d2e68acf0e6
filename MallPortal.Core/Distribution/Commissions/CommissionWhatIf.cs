using MallPortal.Core.Accounts;
using MallPortal.Core.Analytics;
using MallPortal.Core.Analytics.History;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution.Grades;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// 佣金试算: what the paid lines of a past period would have cost under proposed rates, self-purchase switch and grade tiers,
/// level by level, beside what they did cost (net of reversals). A merchant tries its shop's policy (and the grades' rates);
/// the admin tries the grades' rates and thresholds across every shop, each under its own saved policy. The same
/// calculator and chain rule as at payment (the buyer's own chain under 内购, else the order's attribution), today's product
/// rules; each distributor at the grade the upgrade job would give it under the tried thresholds. Nothing is written.
/// Generated demo history (decision 0019) paid no commission, so its orders are left out and counted apart.
/// </summary>
public sealed class CommissionWhatIf(IDbContextFactory<MallDbContext> contexts, DistributionSettingsStore settingsStore, BusinessTimeZone zone)
{
    public const int MaxLines = 20_000;

    public async Task<WhatIfResult> RunAsync(Actor actor, WhatIfRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        int? shopId = null;
        if (request.ShopPolicy is null)
        {
            actor.Require(Roles.Admin);
        }
        else
        {
            shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        }
        var settings = await settingsStore.GetAsync(cancellationToken);
        var grades = await db.DistributorGrades.AsNoTracking().ToListAsync(cancellationToken);
        var tiers = GradeTiers.Tried(grades, request.Grades, thresholdsToo: shopId is null, settings.CommissionCap);
        var placement = await PlaceAsync(db, tiers, cancellationToken);
        var (start, end) = (zone.StartOfDayUtc(request.Range.From), zone.StartOfDayUtc(request.Range.To.AddDays(1)));
        var paid = db.Orders.Where(o => o.PaidAt >= start && o.PaidAt < end && (shopId == null || o.ShopId == shopId));
        var generated = await paid.CountAsync(o => o.Number.StartsWith(HistoryDay.NumberPrefix), cancellationToken);
        var lines = await (from o in paid.Where(o => !o.Number.StartsWith(HistoryDay.NumberPrefix))
                           join l in db.OrderLines on o.Id equals l.OrderId
                           join k in db.ProductSkus on l.SkuId equals k.Id
                           from a in db.OrderAttributions.Where(a => a.OrderId == o.Id && !a.ShopBlocked).DefaultIfEmpty()
                           from b in db.Distributors.Where(d => d.UserId == o.BuyerUserId && d.Status == DistributorStatus.Active).DefaultIfEmpty()
                           where a != null || b != null
                           orderby o.Id, l.Id
                           select new WhatIfLine(o.Id, o.ShopId, l.Id, l.ProductId, l.Amount, l.Quantity, k.CostPrice,
                               a == null ? null : a.DistributorId, a == null ? null : a.Level2DistributorId, a == null ? null : a.Level3DistributorId,
                               b == null ? null : b.Id, b == null ? null : b.Path))
            .Take(MaxLines + 1).ToListAsync(cancellationToken);
        var truncated = lines.Count > MaxLines;
        var productIds = lines.Take(MaxLines).Select(l => l.ProductId).Distinct().ToList();
        var overrides = await db.ProductCommissionRules.AsNoTracking().Where(r => productIds.Contains(r.ProductId)).ToDictionaryAsync(r => r.ProductId, cancellationToken);
        var policies = shopId is null
            ? await db.CommissionPolicies.AsNoTracking().Where(p => p.Enabled).ToDictionaryAsync(p => p.ShopId, p => p.ToInput(), cancellationToken)
            : new Dictionary<int, CommissionPolicyInput> { [shopId.Value] = request.ShopPolicy! };
        var wouldCost = new long[3];
        var counted = new List<WhatIfLine>();
        foreach (var line in lines.Take(MaxLines))
        {
            if (!policies.TryGetValue(line.ShopId, out var policy))
            {
                continue;
            }
            var levels = Math.Clamp(policy.Levels, 1, settings.MaxDepth);
            var shopRule = new CommissionRule(new[] { policy.Level1Bp, policy.Level2Bp, policy.Level3Bp }.Take(levels).Select(r => new BasisPoints(Math.Max(0, r))).ToList(),
                policy.Base);
            var rule = overrides.TryGetValue(line.ProductId, out var own) ? own.ToRule(levels, policy.Base) : shopRule;
            var chain = line.Chain(policy.SelfPurchase, levels);
            if (rule is null || chain.Count == 0)
            {
                continue;
            }
            counted.Add(line);
            var beneficiaries = chain.Select(id => id is { } d ? new Beneficiary(d, placement.RatesOf(d)) : null).ToList();
            var cost = line.CostPrice is { } unit ? unit.Fen * line.Quantity : (long?)null;
            foreach (var share in CommissionCalculator.Split(new CommissionLine(line.LineId, line.Paid.Fen, cost, line.Quantity), rule, beneficiaries, settings.CommissionCap))
            {
                wouldCost[share.Level - 1] += share.AmountFen;
            }
        }
        var lineIds = counted.Select(l => l.LineId).ToList();
        var didCost = new long[3];
        foreach (var chunk in lineIds.Chunk(2_000))
        {
            var sums = await db.Commissions.Where(c => chunk.Contains(c.OrderLineId)).GroupBy(c => c.Level)
                .Select(g => new { g.Key, Fen = g.Sum(c => c.AmountFen - c.ReversedFen) }).ToListAsync(cancellationToken);
            sums.ForEach(s => didCost[s.Key - 1] += s.Fen);
        }
        return new WhatIfResult(counted.Count, counted.Sum(l => l.Paid.Fen),
            Enumerable.Range(1, 3).Select(level => new WhatIfLevel(level, new Money(didCost[level - 1]), new Money(wouldCost[level - 1]))).ToList())
        {
            Tiers = placement.Moves, GeneratedOrders = generated, Truncated = truncated,
        };
    }

    /// <summary>Every active distributor's grade under the tried tiers, from its own settled sales.</summary>
    private static async Task<TierPlacement> PlaceAsync(MallDbContext db, IReadOnlyList<GradeTier> tiers,
        CancellationToken cancellationToken)
    {
        var own = await GradeService.OwnSettledSalesAsync(db, cancellationToken);
        var held = await db.Distributors.AsNoTracking().Where(d => d.Status == DistributorStatus.Active).Select(d => new { d.Id, d.GradeId })
            .ToDictionaryAsync(d => d.Id, d => d.GradeId, cancellationToken);
        return TierPlacement.Of(tiers, held, own);
    }

    private sealed record WhatIfLine(int OrderId, int ShopId, int LineId, int ProductId, Money Paid, int Quantity, Money? CostPrice,
        int? Promoter, int? Level2, int? Level3, int? BuyerDistributor, string? BuyerPath)
    {
        public IReadOnlyList<int?> Chain(bool selfPurchase, int levels) => CommissionChain.Of(selfPurchase,
            BuyerDistributor is { } buyer ? (buyer, BuyerPath!) : null, Promoter is { } promoter ? (promoter, Level2, Level3) : null, levels);
    }
}

/// <summary>What to try: the period, the shop's policy (a merchant; null for the admin's platform-wide run) and grade tiers.</summary>
public sealed record WhatIfRequest(DateRange Range, CommissionPolicyInput? ShopPolicy, IReadOnlyList<GradeTier>? Grades = null);

public sealed record WhatIfLevel(int Level, Money Actual, Money Proposed)
{
    public Money Difference => Proposed - Actual;
}

public sealed record WhatIfResult(int Lines, long PaidFen, IReadOnlyList<WhatIfLevel> Levels)
{
    public Money Paid => new(PaidFen);

    public Money Actual => new(Levels.Sum(l => l.Actual.Fen));

    public Money Proposed => new(Levels.Sum(l => l.Proposed.Fen));

    /// <summary>佣金占比 of the lines counted, as they cost and as they would.</summary>
    public int? ActualRatioBp => Ratios.Bp(Actual.Fen, PaidFen);

    public int? ProposedRatioBp => Ratios.Bp(Proposed.Fen, PaidFen);

    /// <summary>How many distributors the tried tiers would move up, and how many would stay above a raised threshold (never demoted).</summary>
    public TierMoves Tiers { get; init; } = TierMoves.None;

    /// <summary>Generated demo history orders of the period, left out (they paid no commission).</summary>
    public int GeneratedOrders { get; init; }

    /// <summary>More than <see cref="CommissionWhatIf.MaxLines"/> lines: only the first were tried.</summary>
    public bool Truncated { get; init; }
}
