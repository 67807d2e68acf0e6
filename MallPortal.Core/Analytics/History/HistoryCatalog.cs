using MallPortal.Core.Catalog;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics.History;

internal sealed record HistorySku(int ProductId, int SkuId, string Title, string SpecText, string? ImagePath, long PriceFen);

internal sealed record HistoryShop(int Id, int OwnerUserId, int ServiceFeeBp, long ShippingFen, long? FreeShippingOverFen, IReadOnlyList<HistorySku> Skus);

internal sealed record HistoryDistributor(int Id, int? ParentId, IReadOnlyList<(int Id, ShareChannel Channel)> Links);

/// <summary>What generated orders are made of: the shops with products on sale (at their selling prices today) and the active distributors.</summary>
internal sealed record HistoryCatalog(IReadOnlyList<HistoryShop> Shops, IReadOnlyList<HistoryDistributor> Distributors)
{
    public static async Task<HistoryCatalog> LoadAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        var skus = await (from s in db.ProductSkus
                          join p in db.Products on s.ProductId equals p.Id
                          where p.Status == ProductStatus.OnSale
                          orderby s.Id
                          select new
                          {
                              p.ShopId, s.ProductId, SkuId = s.Id, p.Title, s.SpecText, s.Price, s.PromotionPrice,
                              Image = p.Images.OrderBy(i => i.SortOrder).Select(i => i.Path).FirstOrDefault(),
                          }).ToListAsync(cancellationToken);
        var shops = await db.Shops.OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var links = (await db.PromotionLinks.OrderBy(l => l.Id).Select(l => new { l.DistributorId, l.Id, l.Channel }).ToListAsync(cancellationToken))
            .ToLookup(l => l.DistributorId, l => (l.Id, l.Channel));
        var distributors = (await db.Distributors.Where(d => d.Status == DistributorStatus.Active).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.ParentId }).ToListAsync(cancellationToken))
            .Select(d => new HistoryDistributor(d.Id, d.ParentId, links[d.Id].ToList())).ToList();
        return new HistoryCatalog(shops
            .Select(s => new HistoryShop(s.Id, s.OwnerUserId, s.ServiceFeeBp, s.ShippingFee.Fen, s.FreeShippingOver?.Fen,
                skus.Where(k => k.ShopId == s.Id)
                    .Select(k => new HistorySku(k.ProductId, k.SkuId, k.Title, k.SpecText, k.Image, (k.PromotionPrice ?? k.Price).Fen)).ToList()))
            .Where(s => s.Skus.Count > 0).ToList(), distributors);
    }
}
