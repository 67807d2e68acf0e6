using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Risk;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>
/// Loads an order for someone who may act on it. Another buyer's or another shop's order is "not found", exactly
/// like a missing one, so numbers cannot be probed.
/// </summary>
internal static class OrderAccess
{
    public static async Task<Order> ForBuyerAsync(MallDbContext db, Actor actor, string number, CancellationToken cancellationToken) =>
        await Full(db).SingleOrDefaultAsync(o => o.Number == number && o.BuyerUserId == actor.UserId, cancellationToken)
        ?? throw new DomainException(CoreText.OrderNotFound);

    public static async Task<Order> ForShopAsync(MallDbContext db, Actor actor, string number, CancellationToken cancellationToken)
    {
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        return await Full(db).Where(o => o.ShopId == shopId).ReachedMerchant(db).SingleOrDefaultAsync(o => o.Number == number, cancellationToken)
               ?? throw new DomainException(CoreText.OrderNotFound);
    }

    public static IQueryable<Order> Full(MallDbContext db) =>
        db.Orders.Include(o => o.Lines).Include(o => o.Events).Include(o => o.Payment).AsSplitQuery();

    public static List<Inventory.StockLine> StockLines(Order order) =>
        Inventory.StockLedger.Merge(order.Lines.Select(l => new Inventory.StockLine(l.SkuId, l.Quantity)));

    /// <summary>Two people acting on one order at once: the second save finds the version moved and is told to reload.</summary>
    public static async Task SaveAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(CoreText.OrderChangedMeanwhile);
        }
    }

}
