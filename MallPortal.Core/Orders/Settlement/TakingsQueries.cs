using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Orders.Risk;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Settlement;

/// <summary>
/// 已收款 / 待收款 / 已退款 for the order and settlement overviews: every shop for the admin, one shop for the admin or for
/// that shop's own merchant (another shop is refused). A merchant's figures cover the orders it sees (not a held payment's).
/// </summary>
public sealed class TakingsQueries(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<IReadOnlyList<ShopTakings>> ByShopAsync(Actor actor, Period? period = null, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sums = await TakingsSums.ByShopAsync(db, db.Orders, period, cancellationToken);
        var names = await db.Shops.Where(s => sums.Keys.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return sums.OrderByDescending(s => s.Value.Received.Fen).ThenBy(s => s.Key)
            .Select(s => new ShopTakings(s.Key, names[s.Key], s.Value)).ToList();
    }

    /// <summary>The acting merchant's own shop (its order overview), with the shop's id for live updates.</summary>
    public async Task<ShopTakings> MineAsync(Actor actor, Period? period = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var name = await db.Shops.Where(s => s.Id == shopId).Select(s => s.Name).SingleAsync(cancellationToken);
        return new ShopTakings(shopId, name, await SeenByMerchantAsync(db, shopId, period, cancellationToken));
    }

    public async Task<Takings> ForShopAsync(Actor actor, int shopId, Period? period = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (actor.IsInRole(Roles.Admin))
        {
            return (await TakingsSums.ByShopAsync(db, db.Orders.Where(o => o.ShopId == shopId), period, cancellationToken)).GetValueOrDefault(shopId, Takings.None);
        }
        return await ProductService.ShopOfAsync(db, actor, cancellationToken) == shopId
            ? await SeenByMerchantAsync(db, shopId, period, cancellationToken)
            : throw new DomainException(CoreText.NotAllowed);
    }

    /// <summary>A shop's figures over the orders its merchant sees (a payment held by the risk review has not reached it).</summary>
    private static async Task<Takings> SeenByMerchantAsync(MallDbContext db, int shopId, Period? period, CancellationToken cancellationToken) =>
        (await TakingsSums.ByShopAsync(db, db.Orders.Where(o => o.ShopId == shopId).ReachedMerchant(db), period, cancellationToken))
        .GetValueOrDefault(shopId, Takings.None);
}
