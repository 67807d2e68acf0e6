using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>Loads a case for someone who may act on it; another buyer's or another shop's case is "not found", exactly like a missing one.</summary>
internal static class AfterSaleAccess
{
    public static async Task<AfterSale> ForAsync(MallDbContext db, Actor actor, AfterSaleParty party, string number, CancellationToken cancellationToken)
    {
        var cases = Full(db).Where(a => a.Number == number);
        cases = party switch
        {
            AfterSaleParty.Buyer => cases.Where(a => a.BuyerUserId == actor.UserId),
            AfterSaleParty.Merchant => await ShopAsync(db, actor, cases, cancellationToken),
            _ => actor.IsInRole(Roles.Admin) ? cases : throw new DomainException(CoreText.NotAllowed),
        };
        return await cases.SingleOrDefaultAsync(cancellationToken) ?? throw new DomainException(CoreText.AfterSaleNotFound);
    }

    public static IQueryable<AfterSale> Full(MallDbContext db) => db.AfterSales.Include(a => a.Events).Include(a => a.Messages).AsSplitQuery();

    private static async Task<IQueryable<AfterSale>> ShopAsync(MallDbContext db, Actor actor, IQueryable<AfterSale> cases, CancellationToken cancellationToken)
    {
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        return cases.Where(a => a.ShopId == shopId);
    }
}
