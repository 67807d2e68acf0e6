using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>
/// What a list of wanted SKUs costs now, grouped by shop with each shop's shipping fee, and what stands in the way
/// (gone, off the shelf, not enough stock). The checkout page previews it; placing an order uses the same figures.
/// </summary>
internal static class CheckoutCatalog
{
    public static async Task<CheckoutPreview> PriceAsync(MallDbContext db, IReadOnlyList<CheckoutLine> wanted, CancellationToken cancellationToken)
    {
        var lines = wanted.GroupBy(l => l.SkuId).Select(g => new CheckoutLine(g.Key, g.Sum(l => l.Quantity))).ToList();
        var skuIds = lines.Select(l => l.SkuId).ToList();
        var rows = await (from k in db.ProductSkus
                          join p in db.Products on k.ProductId equals p.Id
                          join s in db.Shops on p.ShopId equals s.Id
                          join st in db.StockItems on k.Id equals st.SkuId
                          where skuIds.Contains(k.Id)
                          select new
                          {
                              Sku = k, p.Title, p.Status, ShopName = s.Name, s.ShippingFee, s.FreeShippingOver, Available = st.OnHand - st.Reserved,
                              Image = p.Images.OrderBy(i => i.SortOrder).Select(i => i.Path).FirstOrDefault(),
                          }).AsNoTracking().ToListAsync(cancellationToken);
        var items = new List<(CheckoutItem Item, int ShopId, string ShopName, Money Fee, Money? FreeOver)>();
        var problems = new List<string>();
        foreach (var line in lines)
        {
            var row = rows.FirstOrDefault(r => r.Sku.Id == line.SkuId);
            if (row is null)
            {
                problems.Add(CoreText.CheckoutItemGone);
                continue;
            }
            var name = row.Sku.SpecText.Length == 0 ? row.Title : $"{row.Title}（{SkuText.Display(row.Sku.SpecText)}）";
            string? problem = row.Status != ProductStatus.OnSale ? string.Format(CoreText.ItemOffShelf, name)
                : row.Available < line.Quantity ? string.Format(CoreText.ItemOutOfStock, name, Math.Max(row.Available, 0))
                : null;
            if (problem is not null)
            {
                problems.Add(problem);
            }
            var item = new CheckoutItem(row.Sku.Id, row.Sku.ProductId, row.Title, row.Sku.SpecText, row.Image, row.Sku.SellingPrice,
                line.Quantity, row.Available, problem);
            items.Add((item, row.Sku.ShopId, row.ShopName, row.ShippingFee, row.FreeShippingOver));
        }
        var shops = items.GroupBy(i => i.ShopId).Select(g =>
        {
            var first = g.First();
            var itemsTotal = new Money(g.Sum(i => i.Item.Amount.Fen));
            var fee = ShippingFeePolicy.For(itemsTotal, first.Fee, first.FreeOver);
            return new CheckoutShop(g.Key, first.ShopName, g.Select(i => i.Item).ToList(), itemsTotal, fee, itemsTotal + fee, first.FreeOver);
        }).ToList();
        return new CheckoutPreview(shops, new Money(shops.Sum(s => s.Total.Fen)), problems);
    }
}

public sealed record CheckoutLine(int SkuId, int Quantity);

public sealed record CheckoutPreview(IReadOnlyList<CheckoutShop> Shops, Money Total, IReadOnlyList<string> Problems);

public sealed record CheckoutShop(int ShopId, string ShopName, IReadOnlyList<CheckoutItem> Items, Money ItemsTotal, Money ShippingFee,
    Money Total, Money? FreeShippingOver);

public sealed record CheckoutItem(int SkuId, int ProductId, string Title, string SpecText, string? ImagePath, Money UnitPrice, int Quantity,
    int Available, string? Problem)
{
    public Money Amount => UnitPrice * Quantity;
}
