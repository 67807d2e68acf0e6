using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>The funnel's counts in SQL, grouped by link, for any set of distributors' clicks, registrations and orders.</summary>
internal static class FunnelQueries
{
    /// <summary>成交: an order whose money was received (paid online, or cash on delivery once collected) and not cancelled since;
    /// cash not yet collected is not takings (issue 17).</summary>
    public static IQueryable<OrderAttribution> Paid(IQueryable<OrderAttribution> attributions) =>
        attributions.Where(a => a.Order.PaidAt != null && a.Order.Status != OrderStatus.Cancelled);

    public static async Task<Dictionary<int, Funnel>> ByLinkAsync(MallDbContext db, int distributorId, Period period, CancellationToken cancellationToken)
    {
        var clicks = await db.PromotionClicks.Where(c => c.DistributorId == distributorId && c.At >= period.From && c.At < period.To)
            .GroupBy(c => c.LinkId).Select(g => new { g.Key, Clicks = g.Count(), Visitors = g.Count(c => c.FirstOfDay) }).ToListAsync(cancellationToken);
        var signups = await db.PromotionSignups.Where(s => s.DistributorId == distributorId && s.At >= period.From && s.At < period.To)
            .GroupBy(s => s.LinkId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var attributed = db.OrderAttributions.Where(a => a.DistributorId == distributorId && a.LinkId != null
            && a.AttributedAt >= period.From && a.AttributedAt < period.To);
        var orders = await attributed.GroupBy(a => a.LinkId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var paid = await Paid(attributed).GroupBy(a => a.LinkId!.Value).Select(g => new { g.Key, Fen = g.Sum(a => a.Order.TotalFen) })
            .ToDictionaryAsync(g => g.Key, g => g.Fen, cancellationToken);
        var keys = clicks.Select(c => c.Key).Concat(signups.Keys).Concat(orders.Keys).Distinct();
        return keys.ToDictionary(k => k, k =>
        {
            var c = clicks.FirstOrDefault(x => x.Key == k);
            return new Funnel(c?.Clicks ?? 0, c?.Visitors ?? 0, signups.GetValueOrDefault(k), orders.GetValueOrDefault(k), new Money(paid.GetValueOrDefault(k)));
        });
    }

    /// <summary>The whole funnel of one distributor (links and orders bound without a link alike).</summary>
    public static async Task<Funnel> TotalAsync(MallDbContext db, int distributorId, Period period, CancellationToken cancellationToken)
    {
        var clicks = db.PromotionClicks.Where(c => c.DistributorId == distributorId && c.At >= period.From && c.At < period.To);
        var attributed = db.OrderAttributions.Where(a => a.DistributorId == distributorId && a.AttributedAt >= period.From && a.AttributedAt < period.To);
        return new Funnel(
            await clicks.CountAsync(cancellationToken),
            await clicks.CountAsync(c => c.FirstOfDay, cancellationToken),
            await db.PromotionSignups.CountAsync(s => s.DistributorId == distributorId && s.At >= period.From && s.At < period.To, cancellationToken),
            await attributed.CountAsync(cancellationToken),
            new Money(await Paid(attributed).SumAsync(a => (long?)a.Order.TotalFen, cancellationToken) ?? 0));
    }
}
