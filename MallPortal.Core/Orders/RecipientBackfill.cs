using MallPortal.Core.Accounts.Regions;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>
/// Orders from before the recipient was kept in fields whose address-book entry has since changed: the Shipments
/// migration left their whole address in the street; the region catalog splits it at start-up. One that names no
/// known region keeps its text in the street, so nothing is lost and it still reads the same.
/// </summary>
internal static class RecipientBackfill
{
    public static async Task<int> RunAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.Where(o => o.RecipientProvince == "").ToListAsync(cancellationToken);
        var split = 0;
        foreach (var order in orders)
        {
            if (RegionCatalog.Shared.Split(order.RecipientStreet) is { } parts)
            {
                order.SplitRecipient(parts.Province, parts.City, parts.District, parts.Street);
                split++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return split;
    }
}
