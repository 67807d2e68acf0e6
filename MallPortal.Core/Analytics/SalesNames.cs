using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics;

/// <summary>What a breakdown key is called: a category, brand, product, distributor or grade by its current name.</summary>
internal static class SalesNames
{
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(MallDbContext db, SalesDimension dimension, IReadOnlyList<string> keys,
        CancellationToken cancellationToken)
    {
        var ids = keys.Select(k => int.TryParse(k, out var id) ? id : -1).Where(id => id > 0).ToList();
        var names = dimension switch
        {
            SalesDimension.Category => await db.Categories.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken),
            SalesDimension.Brand => await db.Brands.Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken),
            SalesDimension.Product => await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken),
            SalesDimension.Distributor => await db.Distributors.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken),
            SalesDimension.Grade => await db.DistributorGrades.Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken),
            _ => [],
        };
        return keys.ToDictionary(k => k, k => dimension switch
        {
            SalesDimension.Province => k.Length == 0 ? CoreText.SalesUnknownProvince : k,
            SalesDimension.Brand when k == "0" => CoreText.SalesNoBrand,
            SalesDimension.Grade when k == "0" => CoreText.SalesNoGrade,
            SalesDimension.Channel or SalesDimension.Payment => "",
            _ => int.TryParse(k, out var id) && names.TryGetValue(id, out var name) ? name : k,
        });
    }
}
