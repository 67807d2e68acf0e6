using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics;

/// <summary>
/// 佣金分析: what the distribution network costs against what it sells, from the daily rollups. A commission counts on the
/// day its order was paid (as earned at payment); what went back through refunds counts on the day it went back.
/// </summary>
public sealed class CommissionQueries(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<CommissionReport> ReportAsync(Actor actor, int? shopId, DateRange range, Granularity? granularity = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = await SalesScope.OfAsync(db, actor, shopId, cancellationToken);
        var total = (await RowsAsync(db, scope, range, SalesDimension.Total, cancellationToken)).SingleOrDefault() ?? CommissionRow.None;
        var distributed = await scope.Rows(db, SalesDimension.Channel, range).Where(r => r.Key != RollupBuilder.Direct).SumAsync(r => r.SalesFen, cancellationToken);
        var days = await scope.Rows(db, SalesDimension.Total, range).GroupBy(r => r.Day)
            .Select(g => new TrendPoint(g.Key, g.Sum(r => r.SalesFen), g.Sum(r => r.Orders), g.Sum(r => r.RefundFen), g.Sum(r => r.CommissionFen)))
            .ToListAsync(cancellationToken);
        var bucket = granularity ?? SalesPeriods.DefaultGranularity(range);
        var shops = scope.ShopId is null ? await ShopsAsync(db, range, cancellationToken) : [];
        // Generated history numbers start with H, every service's are digits: a look along the unique index of numbers.
        var generated = await db.Orders.AnyAsync(o => o.Number.CompareTo(History.HistoryDay.NumberPrefix) >= 0 && o.Number.CompareTo("I") < 0, cancellationToken);
        return new CommissionReport(scope, range, total with { Key = "", Name = "" }, distributed, bucket, Trends.Bucket(days, range, bucket),
            await RowsAsync(db, scope, range, SalesDimension.Category, cancellationToken),
            await RowsAsync(db, scope, range, SalesDimension.Grade, cancellationToken), shops) { HasGeneratedHistory = generated };
    }

    private static async Task<IReadOnlyList<CommissionRow>> RowsAsync(MallDbContext db, SalesScope scope, DateRange range, SalesDimension dimension,
        CancellationToken cancellationToken)
    {
        var rows = await scope.Rows(db, dimension, range).GroupBy(r => r.Key)
            .Select(g => new { g.Key, Sales = g.Sum(r => r.SalesFen), Commission = g.Sum(r => r.CommissionFen), Back = g.Sum(r => r.CommissionBackFen) })
            .OrderByDescending(s => s.Commission).ThenByDescending(s => s.Sales).ThenBy(s => s.Key).ToListAsync(cancellationToken);
        var names = dimension == SalesDimension.Total ? new Dictionary<string, string>() : await SalesNames.OfAsync(db, dimension, rows.Select(r => r.Key).ToList(), cancellationToken);
        return rows.Select(r => new CommissionRow(r.Key, names.GetValueOrDefault(r.Key, ""), r.Sales, r.Commission, r.Back)).ToList();
    }

    private static async Task<IReadOnlyList<CommissionRow>> ShopsAsync(MallDbContext db, DateRange range, CancellationToken cancellationToken)
    {
        var rows = await new SalesScope(null).Rows(db, SalesDimension.Total, range).GroupBy(r => r.ShopId)
            .Select(g => new { g.Key, Sales = g.Sum(r => r.SalesFen), Commission = g.Sum(r => r.CommissionFen), Back = g.Sum(r => r.CommissionBackFen) })
            .OrderByDescending(s => s.Commission).ThenByDescending(s => s.Sales).ThenBy(s => s.Key).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Key).ToList();
        var names = await db.Shops.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return rows.Select(r => new CommissionRow(r.Key.ToString(), names.GetValueOrDefault(r.Key, ""), r.Sales, r.Commission, r.Back)).ToList();
    }
}

/// <summary>One key's sales and the commission they earned at payment, with what went back (冲回) in the period.</summary>
public sealed record CommissionRow(string Key, string Name, long SalesFen, long CommissionFen, long CommissionBackFen)
{
    public static readonly CommissionRow None = new("", "", 0, 0, 0);

    public Money Sales => new(SalesFen);

    public Money Commission => new(CommissionFen);

    public Money TakenBack => new(CommissionBackFen);

    public Money Net => new(CommissionFen - CommissionBackFen);

    /// <summary>佣金占比: commission earned per yuan sold, in basis points (null without sales).</summary>
    public int? RatioBp => Ratios.Bp(CommissionFen, SalesFen);
}

/// <summary>A period's commission against its sales: in total, over time and by category, grade and (platform only) shop.</summary>
public sealed record CommissionReport(SalesScope Scope, DateRange Range, CommissionRow Total, long DistributedSalesFen, Granularity Granularity,
    IReadOnlyList<TrendPoint> Trend, IReadOnlyList<CommissionRow> Categories, IReadOnlyList<CommissionRow> Grades, IReadOnlyList<CommissionRow> Shops)
{
    public Money DistributedSales => new(DistributedSalesFen);

    /// <summary>分销佣金率: commission per yuan the distributors brought (orders through a link or a bound customer).</summary>
    public int? DistributedRatioBp => Ratios.Bp(Total.CommissionFen, DistributedSalesFen);

    /// <summary>The database holds generated demo history, which paid no commission (decision 0019).</summary>
    public bool HasGeneratedHistory { get; init; }

    public bool IsEmpty => Total.SalesFen == 0 && Total.CommissionFen == 0 && Total.CommissionBackFen == 0;
}
