using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics;

/// <summary>The dashboards' figures, summed in SQL from the daily rollups; only distinct buyers are counted from the orders.</summary>
public sealed class SalesQueries(IDbContextFactory<MallDbContext> contexts, BusinessTimeZone zone)
{
    public async Task<SalesOverview> OverviewAsync(Actor actor, int? shopId, DateRange range, DateRange previous, Granularity? granularity = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = await SalesScope.OfAsync(db, actor, shopId, cancellationToken);
        return await OverviewAsync(db, scope, range, previous, granularity, cancellationToken);
    }

    /// <summary>A dashboard at once: the overview and a breakdown per dimension (the first <paramref name="top"/> of each), on one connection.</summary>
    public async Task<SalesDashboardData> DashboardAsync(Actor actor, int? shopId, DateRange range, DateRange previous, IReadOnlyList<SalesDimension> dimensions,
        int top, Granularity? granularity = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = await SalesScope.OfAsync(db, actor, shopId, cancellationToken);
        var overview = await OverviewAsync(db, scope, range, previous, granularity, cancellationToken);
        var breakdowns = new Dictionary<SalesDimension, IReadOnlyList<BreakdownRow>>();
        foreach (var dimension in dimensions)
        {
            breakdowns[dimension] = await BreakdownAsync(db, dimension, Sums(scope.Rows(db, dimension, range).GroupBy(r => r.Key)), top, cancellationToken);
        }
        return new SalesDashboardData(overview, breakdowns);
    }

    /// <summary>A period's sales by one dimension, largest first; <paramref name="top"/> keeps the first few.</summary>
    public async Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(Actor actor, int? shopId, DateRange range, SalesDimension dimension, int? top = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = await SalesScope.OfAsync(db, actor, shopId, cancellationToken);
        return await BreakdownAsync(db, dimension, Sums(scope.Rows(db, dimension, range).GroupBy(r => r.Key)), top, cancellationToken);
    }

    /// <summary>店铺排行: the platform's shops by sales (the admin only).</summary>
    public async Task<IReadOnlyList<BreakdownRow>> ShopsAsync(Actor actor, DateRange range, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Sums(new SalesScope(null).Rows(db, SalesDimension.Total, range).Where(r => r.ShopId != 0).GroupBy(r => r.ShopId))
            .OrderByDescending(s => s.Sales).ThenBy(s => s.Key).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Key).ToList();
        var names = await db.Shops.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return rows.Select(r => r.ToRow(r.Key.ToString(), names.GetValueOrDefault(r.Key, ""))).ToList();
    }

    /// <summary>The figures of a breakdown per group of rollup rows: the one place that says what a breakdown sums.</summary>
    private static IQueryable<Sum<TKey>> Sums<TKey>(IQueryable<IGrouping<TKey, SalesRollup>> groups) => groups.Select(g => new Sum<TKey>
    {
        Key = g.Key, Orders = g.Sum(r => r.Orders), Units = g.Sum(r => r.Units), Sales = g.Sum(r => r.SalesFen),
        Refund = g.Sum(r => r.RefundFen), Commission = g.Sum(r => r.CommissionFen),
    });

    private static async Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(MallDbContext db, SalesDimension dimension, IQueryable<Sum<string>> sums, int? top,
        CancellationToken cancellationToken)
    {
        var ordered = sums.OrderByDescending(s => s.Sales).ThenBy(s => s.Key);
        var rows = await (top is { } n ? ordered.Take(n) : ordered).ToListAsync(cancellationToken);
        var names = await SalesNames.OfAsync(db, dimension, rows.Select(r => r.Key).ToList(), cancellationToken);
        return rows.Select(r => r.ToRow(r.Key, names.GetValueOrDefault(r.Key, ""))).ToList();
    }

    private sealed class Sum<TKey>
    {
        public required TKey Key { get; init; }

        public int Orders { get; init; }

        public int Units { get; init; }

        public long Sales { get; init; }

        public long Refund { get; init; }

        public long Commission { get; init; }

        public BreakdownRow ToRow(string key, string name) => new(key, name, Orders, Units, Sales, Refund, Commission);
    }

    private async Task<SalesOverview> OverviewAsync(MallDbContext db, SalesScope scope, DateRange range, DateRange previous, Granularity? granularity,
        CancellationToken cancellationToken)
    {
        var lastYear = range.YearBefore();
        var kpis = await KpisAsync(db, scope, [range, previous, lastYear], cancellationToken);
        var bucket = granularity ?? SalesPeriods.DefaultGranularity(range);
        return new SalesOverview(scope, range, previous, kpis[0], kpis[1], kpis[2], bucket, await TrendAsync(db, scope, range, bucket, cancellationToken));
    }

    /// <summary>
    /// The figures of several periods (the period, 环比 and 同比). Distinct buyers are the one figure read from the orders,
    /// and the slowest: each period's count runs on a connection of its own while the rollups are summed on this one.
    /// </summary>
    private async Task<SalesKpis[]> KpisAsync(MallDbContext db, SalesScope scope, IReadOnlyList<DateRange> ranges, CancellationToken cancellationToken)
    {
        var buyers = ranges.Select(range => BuyersAsync(scope, range, cancellationToken)).ToList();
        var kpis = new SalesKpis[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            kpis[i] = await KpiAsync(db, scope, ranges[i], cancellationToken);
        }
        var counts = await Task.WhenAll(buyers);
        return kpis.Select((k, i) => k.Orders == 0 ? k : k with { Buyers = counts[i] }).ToArray();
    }

    private async Task<int> BuyersAsync(SalesScope scope, DateRange range, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await scope.PaidOrders(db, zone.StartOfDayUtc(range.From), zone.StartOfDayUtc(range.To.AddDays(1)))
            .Select(o => o.BuyerUserId).Distinct().CountAsync(cancellationToken);
    }

    /// <summary>A period's totals and the orders that came through a link (conversion divides them by the links' visits; a
    /// bound customer's order had no visit), in one query.</summary>
    private static async Task<SalesKpis> KpiAsync(MallDbContext db, SalesScope scope, DateRange range, CancellationToken cancellationToken)
    {
        var rows = db.SalesRollups.Where(r => (r.Dimension == SalesDimension.Total
                || (r.Dimension == SalesDimension.Channel && r.Key != RollupBuilder.Direct && r.Key != RollupBuilder.Bound))
            && r.Day >= range.From && r.Day <= range.To);
        if (scope.ShopId is { } shopId)
        {
            rows = rows.Where(r => r.ShopId == shopId);
        }
        var sums = await rows.GroupBy(r => r.Dimension)
            .Select(g => new
            {
                g.Key, Sales = g.Sum(r => r.SalesFen), Orders = g.Sum(r => r.Orders), Units = g.Sum(r => r.Units), Refund = g.Sum(r => r.RefundFen),
                Refunds = g.Sum(r => r.Refunds), Commission = g.Sum(r => r.CommissionFen), Visitors = g.Sum(r => r.Visitors),
            })
            .ToListAsync(cancellationToken);
        var totals = sums.SingleOrDefault(s => s.Key == SalesDimension.Total);
        if (totals is null)
        {
            return SalesKpis.None;
        }
        var brought = totals.Orders == 0 ? 0 : sums.SingleOrDefault(s => s.Key == SalesDimension.Channel)?.Orders ?? 0;
        return new SalesKpis(totals.Sales, totals.Orders, 0, totals.Units, totals.Refund, totals.Refunds, totals.Commission, totals.Visitors, brought);
    }

    private static async Task<IReadOnlyList<TrendPoint>> TrendAsync(MallDbContext db, SalesScope scope, DateRange range, Granularity granularity,
        CancellationToken cancellationToken)
    {
        var days = await scope.Rows(db, SalesDimension.Total, range).GroupBy(r => r.Day)
            .Select(g => new TrendPoint(g.Key, g.Sum(r => r.SalesFen), g.Sum(r => r.Orders), g.Sum(r => r.RefundFen), g.Sum(r => r.CommissionFen)))
            .ToListAsync(cancellationToken);
        return Trends.Bucket(days, range, granularity);
    }
}
