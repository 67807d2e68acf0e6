using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Analytics;

/// <summary>Whose figures a report covers: one shop, or the whole platform (null).</summary>
public sealed record SalesScope(int? ShopId)
{
    /// <summary>A merchant sees only its own shop (asking for another is refused); the admin sees the platform or any shop.</summary>
    internal static async Task<SalesScope> OfAsync(MallDbContext db, Actor actor, int? shopId, CancellationToken cancellationToken)
    {
        if (actor.IsInRole(Roles.Admin))
        {
            return new SalesScope(shopId);
        }
        var own = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        return shopId is null || shopId == own ? new SalesScope(own) : throw new DomainException(CoreText.NotAllowed);
    }

    internal IQueryable<SalesRollup> Rows(MallDbContext db, SalesDimension dimension, DateRange range)
    {
        var rows = db.SalesRollups.Where(r => r.Dimension == dimension && r.Day >= range.From && r.Day <= range.To);
        return ShopId is { } shopId ? rows.Where(r => r.ShopId == shopId) : rows;
    }

    internal IQueryable<Orders.Order> PaidOrders(MallDbContext db, DateTime start, DateTime end)
    {
        var orders = db.Orders.Where(o => o.PaidAt >= start && o.PaidAt < end);
        return ShopId is { } shopId ? orders.Where(o => o.ShopId == shopId) : orders;
    }
}
