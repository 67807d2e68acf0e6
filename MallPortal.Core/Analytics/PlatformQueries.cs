using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics;

/// <summary>The admin's view of the whole platform beyond sales: where orders stand, and what waits too long.</summary>
public sealed class PlatformQueries(IDbContextFactory<MallDbContext> contexts, BusinessTimeZone zone, TimeProvider clock)
{
    /// <summary>订单状态分布: the orders placed in a period by where they stand now.</summary>
    public async Task<IReadOnlyList<StatusCount>> StatusesAsync(Actor actor, DateRange range, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (start, end) = (zone.StartOfDayUtc(range.From), zone.StartOfDayUtc(range.To.AddDays(1)));
        var counts = await db.Orders.Where(o => o.PlacedAt >= start && o.PlacedAt < end).GroupBy(o => o.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<OrderStatus>().Select(s => new StatusCount(s, counts.SingleOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
    }

    /// <summary>积压: paid orders waiting for shipment past 48 hours, and open after-sales past their deadline.</summary>
    public async Task<Backlog> BacklogAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // The same rule as 管理概览's card and the order list it opens (cash on delivery waits from placement).
        var late = db.Orders.Focus(db, OrderFocus.ShippingOverdue, zone, now);
        var overdue = await db.AfterSales.CountAsync(a => a.ClosedAt == null && a.DueAt < now, cancellationToken);
        return new Backlog(await late.CountAsync(cancellationToken), await late.MinAsync(o => (DateTime?)(o.PaidAt ?? o.PlacedAt), cancellationToken), overdue);
    }
}

public sealed record StatusCount(OrderStatus Status, int Orders);

public sealed record Backlog(int LateShipments, DateTime? OldestPaidAt, int OverdueAfterSales);
