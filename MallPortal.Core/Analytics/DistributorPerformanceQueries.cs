using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics;

/// <summary>
/// Distributors' performance from the rollups (the Distributor and Grade dimensions) and, for customers and product mix,
/// from the orders they brought. A merchant sees the distributors who sold its products and only those sales; the admin
/// sees every distributor; a distributor sees its own report.
/// </summary>
public sealed class DistributorPerformanceQueries(IDbContextFactory<MallDbContext> contexts, SalesQueries sales, BusinessTimeZone zone, TimeProvider clock)
{
    /// <summary>A distributor is flagged when its sales fell in each of the last three complete months.</summary>
    public const int DecliningMonths = 3;

    public async Task<DistributorBoard> BoardAsync(Actor actor, int? shopId, DateRange range, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = await SalesScope.OfAsync(db, actor, shopId, cancellationToken);
        var sums = await SumsAsync(scope.Rows(db, SalesDimension.Distributor, range), cancellationToken);
        var ids = sums.Select(s => int.Parse(s.Key)).ToList();
        var customers = await CustomersAsync(db, scope, range, ids, cancellationToken);
        var falling = await FallingAsync(db, scope, cancellationToken);
        var people = await DistributorNames.OfAsync(db, ids.Union(falling).ToList(), cancellationToken);
        var leaders = sums.Select(s => Row(people, int.Parse(s.Key), s, customers, falling)).ToList();
        var declining = falling.Where(id => people.ContainsKey(id))
            .Select(id => leaders.SingleOrDefault(l => l.DistributorId == id) ?? Row(people, id, Empty(id), customers, falling)).ToList();
        var byGrade = await sales.BreakdownAsync(actor, scope.ShopId, range, SalesDimension.Grade, null, cancellationToken);
        var byRegion = leaders.GroupBy(l => l.Region)
            .Select(g => new BreakdownRow(g.Key, g.Key, g.Sum(l => l.Orders), 0, g.Sum(l => l.SalesFen), g.Sum(l => l.RefundFen), g.Sum(l => l.CommissionFen)))
            .OrderByDescending(r => r.SalesFen).ToList();
        return new DistributorBoard(leaders, byGrade, byRegion, declining);
    }

    /// <summary>One distributor's report; a merchant may open only a distributor who sold its products.</summary>
    public async Task<DistributorReport> ReportAsync(Actor actor, int? shopId, int distributorId, Granularity granularity, DateRange range,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = await SalesScope.OfAsync(db, actor, shopId, cancellationToken);
        if (scope.ShopId is { } shop && !await db.OrderAttributions.AnyAsync(a => a.DistributorId == distributorId && a.Order.ShopId == shop, cancellationToken))
        {
            throw new DomainException(CoreText.DistributorNotFound);
        }
        return await ReportAsync(db, scope, distributorId, granularity, range, cancellationToken);
    }

    /// <summary>我的业绩: a distributor's own report over every shop.</summary>
    public async Task<DistributorReport> MineAsync(Actor actor, Granularity granularity, DateRange range, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = await db.Distributors.Where(d => d.UserId == actor.UserId).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken)
                 ?? throw new DomainException(CoreText.NotAllowed);
        return await ReportAsync(db, new SalesScope(null), id, granularity, range, cancellationToken);
    }

    private async Task<DistributorReport> ReportAsync(MallDbContext db, SalesScope scope, int distributorId, Granularity granularity, DateRange range,
        CancellationToken cancellationToken)
    {
        var key = distributorId.ToString();
        var days = await scope.Rows(db, SalesDimension.Distributor, range).Where(r => r.Key == key).GroupBy(r => r.Day)
            .Select(g => new TrendPoint(g.Key, g.Sum(r => r.SalesFen), g.Sum(r => r.Orders), g.Sum(r => r.RefundFen), g.Sum(r => r.CommissionFen)))
            .ToListAsync(cancellationToken);
        var (start, end) = (zone.StartOfDayUtc(range.From), zone.StartOfDayUtc(range.To.AddDays(1)));
        var brought = scope.PaidOrders(db, start, end).Where(o => db.OrderAttributions.Any(a => a.OrderId == o.Id && a.DistributorId == distributorId));
        var mix = await (from l in db.OrderLines
                         where brought.Any(o => o.Id == l.OrderId)
                         join p in db.Products on l.ProductId equals p.Id
                         select new { p.CategoryId, l.Quantity, l.Amount, l.OrderId }).ToListAsync(cancellationToken);
        var names = await SalesNames.OfAsync(db, SalesDimension.Category, mix.Select(m => m.CategoryId.ToString()).Distinct().ToList(), cancellationToken);
        var person = (await DistributorNames.OfAsync(db, [distributorId], cancellationToken)).GetValueOrDefault(distributorId)
                     ?? throw new DomainException(CoreText.DistributorNotFound);
        return new DistributorReport(distributorId, person.Name, person.Region, person.Grade, granularity, Trends.Bucket(days, range, granularity),
            mix.GroupBy(m => m.CategoryId.ToString())
                .Select(g => new BreakdownRow(g.Key, names[g.Key], g.Select(m => m.OrderId).Distinct().Count(), g.Sum(m => m.Quantity), g.Sum(m => m.Amount.Fen), 0, 0))
                .OrderByDescending(r => r.SalesFen).ToList(),
            await brought.Select(o => o.BuyerUserId).Distinct().CountAsync(cancellationToken));
    }

    private static async Task<List<Sum>> SumsAsync(IQueryable<SalesRollup> rows, CancellationToken cancellationToken) =>
        (await rows.GroupBy(r => r.Key)
            .Select(g => new { g.Key, Orders = g.Sum(r => r.Orders), Sales = g.Sum(r => r.SalesFen), Refund = g.Sum(r => r.RefundFen), Commission = g.Sum(r => r.CommissionFen) })
            .OrderByDescending(s => s.Sales).ThenBy(s => s.Key).ToListAsync(cancellationToken))
        .Select(s => new Sum(s.Key, s.Orders, s.Sales, s.Refund, s.Commission)).ToList();

    private sealed record Sum(string Key, int Orders, long SalesFen, long RefundFen, long CommissionFen);

    private static Sum Empty(int id) => new(id.ToString(), 0, 0, 0, 0);

    private static DistributorPerformanceRow Row(IReadOnlyDictionary<int, DistributorNames.Person> people, int id, Sum sum,
        IReadOnlyDictionary<int, int> customers, IReadOnlySet<int> falling)
    {
        var person = people.GetValueOrDefault(id) ?? new DistributorNames.Person(id.ToString(), "", "");
        return new DistributorPerformanceRow(id, person.Name, person.Region, person.Grade, sum.Orders, customers.GetValueOrDefault(id),
            sum.SalesFen, sum.RefundFen, sum.CommissionFen, falling.Contains(id));
    }

    private async Task<IReadOnlyDictionary<int, int>> CustomersAsync(MallDbContext db, SalesScope scope, DateRange range, IReadOnlyList<int> ids,
        CancellationToken cancellationToken)
    {
        var (start, end) = (zone.StartOfDayUtc(range.From), zone.StartOfDayUtc(range.To.AddDays(1)));
        return await (from o in scope.PaidOrders(db, start, end)
                      join a in db.OrderAttributions on o.Id equals a.OrderId
                      where ids.Contains(a.DistributorId)
                      group o.BuyerUserId by a.DistributorId into g
                      select new { g.Key, Count = g.Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }

    /// <summary>Distributors whose monthly sales fell in each of the last three complete months (four months compared).</summary>
    private async Task<IReadOnlySet<int>> FallingAsync(MallDbContext db, SalesScope scope, CancellationToken cancellationToken)
    {
        var thisMonth = SalesPeriods.StartOf(DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime)), Granularity.Month);
        var window = new DateRange(thisMonth.AddMonths(-(DecliningMonths + 1)), thisMonth.AddDays(-1));
        var days = await scope.Rows(db, SalesDimension.Distributor, window)
            .Select(r => new { r.Key, r.Day, r.SalesFen }).ToListAsync(cancellationToken);
        return days.GroupBy(d => int.Parse(d.Key)).Where(g =>
        {
            var months = Enumerable.Range(0, DecliningMonths + 1).Select(i => window.From.AddMonths(i))
                .Select(m => g.Where(d => SalesPeriods.StartOf(d.Day, Granularity.Month) == m).Sum(d => d.SalesFen)).ToList();
            return months.Zip(months.Skip(1), (before, after) => after < before).All(fell => fell);
        }).Select(g => g.Key).ToHashSet();
    }
}
