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
        var current = await KpisAsync(db, scope, range, cancellationToken);
        var before = await KpisAsync(db, scope, previous, cancellationToken);
        var lastYear = await KpisAsync(db, scope, range.YearBefore(), cancellationToken);
        var bucket = granularity ?? SalesPeriods.DefaultGranularity(range);
        return new SalesOverview(scope, range, previous, current, before, lastYear, bucket, await TrendAsync(db, scope, range, bucket, cancellationToken));
    }

    /// <summary>A period's sales by one dimension, largest first; <paramref name="top"/> keeps the first few.</summary>
    public async Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(Actor actor, int? shopId, DateRange range, SalesDimension dimension, int? top = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = await SalesScope.OfAsync(db, actor, shopId, cancellationToken);
        var sums = scope.Rows(db, dimension, range).GroupBy(r => r.Key)
            .Select(g => new
            {
                g.Key, Orders = g.Sum(r => r.Orders), Units = g.Sum(r => r.Units), Sales = g.Sum(r => r.SalesFen),
                Refund = g.Sum(r => r.RefundFen), Commission = g.Sum(r => r.CommissionFen),
            })
            .OrderByDescending(s => s.Sales).ThenBy(s => s.Key);
        var rows = await (top is { } n ? sums.Take(n) : sums).ToListAsync(cancellationToken);
        var names = await SalesNames.OfAsync(db, dimension, rows.Select(r => r.Key).ToList(), cancellationToken);
        return rows.Select(r => new BreakdownRow(r.Key, names.GetValueOrDefault(r.Key, ""), r.Orders, r.Units, r.Sales, r.Refund, r.Commission)).ToList();
    }

    /// <summary>店铺排行: the platform's shops by sales (the admin only).</summary>
    public async Task<IReadOnlyList<BreakdownRow>> ShopsAsync(Actor actor, DateRange range, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await new SalesScope(null).Rows(db, SalesDimension.Total, range).Where(r => r.ShopId != 0).GroupBy(r => r.ShopId)
            .Select(g => new
            {
                g.Key, Orders = g.Sum(r => r.Orders), Units = g.Sum(r => r.Units), Sales = g.Sum(r => r.SalesFen),
                Refund = g.Sum(r => r.RefundFen), Commission = g.Sum(r => r.CommissionFen),
            })
            .OrderByDescending(s => s.Sales).ThenBy(s => s.Key).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Key).ToList();
        var names = await db.Shops.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return rows.Select(r => new BreakdownRow(r.Key.ToString(), names.GetValueOrDefault(r.Key, ""), r.Orders, r.Units, r.Sales, r.Refund, r.Commission))
            .ToList();
    }

    private async Task<SalesKpis> KpisAsync(MallDbContext db, SalesScope scope, DateRange range, CancellationToken cancellationToken)
    {
        var totals = await scope.Rows(db, SalesDimension.Total, range).GroupBy(r => 1)
            .Select(g => new SalesKpis(g.Sum(r => r.SalesFen), g.Sum(r => r.Orders), 0, g.Sum(r => r.Units), g.Sum(r => r.RefundFen),
                g.Sum(r => r.Refunds), g.Sum(r => r.CommissionFen), g.Sum(r => r.Visitors), 0))
            .SingleOrDefaultAsync(cancellationToken) ?? SalesKpis.None;
        if (totals.Orders == 0)
        {
            return totals;
        }
        // Conversion counts the orders that came through a link, the visits it divides by (a bound customer's order had no visit).
        var brought = await scope.Rows(db, SalesDimension.Channel, range).Where(r => r.Key != RollupBuilder.Direct && r.Key != RollupBuilder.Bound)
            .SumAsync(r => r.Orders, cancellationToken);
        var buyers = await scope.PaidOrders(db, zone.StartOfDayUtc(range.From), zone.StartOfDayUtc(range.To.AddDays(1)))
            .Select(o => o.BuyerUserId).Distinct().CountAsync(cancellationToken);
        return totals with { Buyers = buyers, DistributorOrders = brought };
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
