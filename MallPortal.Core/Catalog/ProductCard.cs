using MallPortal.Core.Common;
using MallPortal.Core.Data;

namespace MallPortal.Core.Catalog;

/// <summary>A product as a tile in a list: main image, title, price with its original and discount.</summary>
public sealed record ProductCard(
    int Id, string Title, string Subtitle, string? MainImagePath, Money Price, Money OriginalPrice, int SalesCount, int ShopId, string ShopName)
{
    public string? DiscountText => Price < OriginalPrice ? PricePolicy.DiscountText(OriginalPrice, Price) : null;

    internal static IQueryable<ProductCard> Project(MallDbContext db, IQueryable<Product> products) =>
        from p in products
        join s in db.Shops on p.ShopId equals s.Id
        select new ProductCard(p.Id, p.Title, p.Subtitle,
            p.Images.OrderBy(i => i.SortOrder).Select(i => i.Path).FirstOrDefault(),
            new Money(p.MinPriceFen), new Money(p.MinPriceOriginalFen), p.SalesCount, s.Id, s.Name);
}
