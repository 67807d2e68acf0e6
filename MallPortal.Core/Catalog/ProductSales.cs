using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Catalog;

/// <summary>Sales counts (sorting by 销量) grow when orders are paid, in the payment's transaction.</summary>
internal static class ProductSales
{
    public static async Task AddAsync(MallDbContext db, IEnumerable<(int ProductId, int Quantity)> lines, CancellationToken cancellationToken)
    {
        foreach (var product in lines.GroupBy(l => l.ProductId))
        {
            var sold = product.Sum(l => l.Quantity);
            await db.Products.Where(p => p.Id == product.Key)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SalesCount, p => p.SalesCount + sold), cancellationToken);
        }
    }
}
