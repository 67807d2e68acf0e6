using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Orders.Settlement;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics.History;

/// <summary>How much history to make. Percentages are of orders; the seed makes a run repeatable.</summary>
public sealed record HistoryOptions(int Seed = 11, int OrdersPerShopDay = 20, int Buyers = 2000, int RefundPercent = 5, int AttributedPercent = 30,
    bool RefreshRollups = true, bool Bills = true);

public sealed record HistoryReport(int Days, int Orders, int Refunds, int Attributed);

/// <summary>
/// 历史数据: writes a past stretch of realistic sales straight into the database, day by day, for the dashboards to have a
/// year to show (demo and benchmark only; real orders come only through checkout). Orders, payments, refunds, attributions
/// and the settlement ledger are written consistently so every reconciliation stays clean; commissions and stock are
/// left out (see <see cref="HistoryDay"/>). Then the days' rollups are refreshed. A day is generated once.
/// </summary>
public sealed class SalesHistoryGenerator(IDbContextFactory<MallDbContext> contexts, BusinessTimeZone zone, TimeProvider clock, RollupService rollups,
    IAfterSalesPolicy afterSales)
{
    private const int BatchOrders = 4000;

    public async Task<HistoryReport> GenerateAsync(DateRange range, HistoryOptions options, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (zone.StartOfDayUtc(range.To.AddDays(1)) > now)
        {
            throw new ArgumentException("History ends before today.", nameof(range));
        }
        var (catalog, buyers) = await PrepareAsync(range, options, cancellationToken);
        var plan = new HistoryPlan(catalog, buyers, options, await afterSales.AfterSalesDaysAsync(cancellationToken), now, zone.StartOfDayUtc(range.To.AddDays(1)));
        var day = new HistoryDay(contexts, zone, plan);
        var report = new HistoryReport(0, 0, 0, 0);
        // Days are written in batches of about a few thousand orders: one transaction each keeps the commits few.
        var perDay = Math.Max(1, options.OrdersPerShopDay * catalog.Shops.Count);
        foreach (var batch in range.Days().Chunk(Math.Clamp(BatchOrders / perDay, 1, 60)))
        {
            var done = await day.WriteAsync(batch, range.To, cancellationToken);
            report = report with
            {
                Days = report.Days + batch.Length, Orders = report.Orders + done.Orders, Refunds = report.Refunds + done.Refunds,
                Attributed = report.Attributed + done.Attributed,
            };
        }
        if (options.Bills)
        {
            await new HistoryBills(contexts).WriteAsync(range, now, cancellationToken);
        }
        if (options.RefreshRollups)
        {
            foreach (var date in range.Days())
            {
                await rollups.RefreshDayAsync(date, cancellationToken);
            }
        }
        return report;
    }

    private async Task<(HistoryCatalog, IReadOnlyList<HistoryBuyer>)> PrepareAsync(DateRange range, HistoryOptions options, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (start, end) = (zone.StartOfDayUtc(range.From), zone.StartOfDayUtc(range.To.AddDays(1)));
        if (await db.Orders.AnyAsync(o => o.Number.StartsWith(HistoryDay.NumberPrefix) && o.PaidAt >= start && o.PaidAt < end, cancellationToken))
        {
            throw new InvalidOperationException($"History exists already in {range}.");
        }
        var catalog = await HistoryCatalog.LoadAsync(db, cancellationToken);
        if (catalog.Shops.Count == 0)
        {
            throw new InvalidOperationException("No shop has a product on sale to make history of.");
        }
        var buyers = await HistoryBuyers.EnsureAsync(db, options.Buyers, start.AddDays(-1), cancellationToken);
        return (catalog, buyers);
    }
}

/// <summary>How a share channel is picked for an attributed order; null is a customer bound to the distributor earlier (no link).</summary>
internal static class HistoryChannels
{
    private static readonly (ShareChannel? Channel, int Weight)[] Weighted =
        [(ShareChannel.WeChat, 48), (ShareChannel.Poster, 12), (ShareChannel.CopyLink, 8), (ShareChannel.Douyin, 10), (ShareChannel.Weibo, 4),
            (ShareChannel.QQ, 3), (null, 15)];

    private static readonly int[] Weights = Weighted.Select(w => w.Weight).ToArray();

    public static ShareChannel? Pick(Random random) => Weighted[HistoryCalendar.Pick(Weights, random)].Channel;
}
