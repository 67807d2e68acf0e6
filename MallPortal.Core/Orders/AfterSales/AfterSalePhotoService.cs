using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>
/// A case's evidence photos show a buyer's goods, parcels and sometimes their home: only the buyer, the shop that sold
/// the line and the platform's admins see them. Anyone else gets "not found", like a missing file.
/// </summary>
public sealed class AfterSalePhotoService(IDbContextFactory<MallDbContext> contexts, IFileStore files)
{
    public async Task<Stream?> OpenAsync(Actor actor, string path, CancellationToken cancellationToken = default)
    {
        if (!path.StartsWith("aftersales/", StringComparison.Ordinal) || !path.EndsWith(".jpg", StringComparison.Ordinal))
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = db.AfterSales.Where(a => a.Photos.Contains(path) || a.RefusalPhotos.Contains(path));
        if (!actor.IsInRole(Roles.Admin))
        {
            var shopId = actor.IsInRole(Roles.Merchant)
                ? await db.Shops.Where(s => s.OwnerUserId == actor.UserId).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken)
                : null;
            cases = cases.Where(a => a.BuyerUserId == actor.UserId || a.ShopId == shopId);
        }
        var paths = await cases.Select(a => new { a.Photos, a.RefusalPhotos }).ToListAsync(cancellationToken);
        // Contains is a LIKE in SQL: the exact path must be one of the case's lines.
        var known = paths.Any(p => p.Photos.Split('\n').Contains(path) || p.RefusalPhotos.Split('\n').Contains(path));
        return known ? await files.OpenReadAsync(path, cancellationToken) : null;
    }
}
