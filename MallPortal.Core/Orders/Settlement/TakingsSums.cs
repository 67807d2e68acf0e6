using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Settlement;

/// <summary>The one place that decides what counts as received, open and refunded, per shop, over whichever orders a caller may see.</summary>
internal static class TakingsSums
{
    /// <summary>
    /// Received: orders whose money arrived (<c>PaidAt</c>, in <paramref name="period"/> when given). Open: orders not cancelled
    /// whose money has not arrived (placed in the period when given). Refunded: refunds granted (decided in the period).
    /// </summary>
    public static async Task<Dictionary<int, Takings>> ByShopAsync(MallDbContext db, IQueryable<Order> orders, Period? period,
        CancellationToken cancellationToken)
    {
        var paid = orders.Where(o => o.PaidAt != null);
        var open = orders.Where(o => o.PaidAt == null && o.Status != OrderStatus.Cancelled);
        var refunds = db.Refunds.Where(r => r.Status == RefundStatus.Refunded && orders.Any(o => o.Id == r.OrderId));
        if (period is not null)
        {
            paid = paid.Where(o => o.PaidAt >= period.From && o.PaidAt < period.To);
            open = open.Where(o => o.PlacedAt >= period.From && o.PlacedAt < period.To);
            refunds = refunds.Where(r => r.DecidedAt >= period.From && r.DecidedAt < period.To);
        }
        var received = await Sum(paid, cancellationToken);
        var owed = await Sum(open, cancellationToken);
        // Refund amounts are Money columns (a converter), summed here rather than in SQL, as the funds reconciliation does.
        var given = (await refunds.Select(r => new { r.ShopId, r.Amount }).ToListAsync(cancellationToken))
            .GroupBy(r => r.ShopId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount.Fen));
        return received.Keys.Union(owed.Keys).Union(given.Keys).ToDictionary(id => id, id => new Takings(
            new Money(received.GetValueOrDefault(id)), new Money(owed.GetValueOrDefault(id)), new Money(given.GetValueOrDefault(id))));
    }

    private static Task<Dictionary<int, long>> Sum(IQueryable<Order> orders, CancellationToken cancellationToken) =>
        orders.GroupBy(o => o.ShopId).Select(g => new { g.Key, Fen = g.Sum(o => o.TotalFen) }).ToDictionaryAsync(g => g.Key, g => g.Fen, cancellationToken);
}
