using System.Text.Json;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Catalog;

/// <summary>One product for its page (public, on sale only) or for its merchant (list and editor).</summary>
public sealed class ProductQueries(IDbContextFactory<MallDbContext> contexts, RichTextSanitizer sanitizer)
{
    public const int RelatedCount = 8;

    public async Task<ProductDetails?> GetForShopperAsync(int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var product = await LoadAsync(db, productId, cancellationToken);
        if (product is null || product.Status != ProductStatus.OnSale)
        {
            return null;
        }
        var shop = await db.Shops.AsNoTracking().SingleAsync(s => s.Id == product.ShopId, cancellationToken);
        var brand = product.BrandId is { } b ? await db.Brands.Where(x => x.Id == b).Select(x => x.Name).SingleAsync(cancellationToken) : null;
        var category = await db.Categories.Where(c => c.Id == product.CategoryId).Select(c => c.Name).SingleAsync(cancellationToken);
        var skuIds = product.Skus.Select(s => s.Id).ToList();
        var stock = await db.StockItems.Where(s => skuIds.Contains(s.SkuId)).ToDictionaryAsync(s => s.SkuId, s => s.OnHand - s.Reserved, cancellationToken);
        // The shop's rating is its buyers' reviews on all its products (店铺评分), as the product's own are on its reviews tab.
        var shopRatings = await db.ProductReviews.Where(r => r.ShopId == shop.Id).GroupBy(r => r.Rating)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new ProductDetails(
            product.Id, product.Title, product.Subtitle, category, product.CategoryId, brand,
            product.Images.OrderBy(i => i.SortOrder).Select(i => i.Path).ToList(),
            JsonSerializer.Deserialize<List<SpecDefinition>>(product.SpecsJson) ?? [],
            product.Skus.Select(s => new SkuOption(s.Id, s.SpecText, s.Price, s.PromotionPrice, stock.GetValueOrDefault(s.Id))).ToList(),
            product.Attributes.OrderBy(a => a.SortOrder).Select(a => new AttributeInput(a.Name, a.Value)).ToList(),
            product.Tags.Select(t => t.Name).ToList(),
            sanitizer.Sanitize(product.DescriptionHtml), // again on render: stored HTML is never trusted blindly
            product.SalesCount, shop.Id, shop.Name, shop.LogoPath,
            await RelatedAsync(db, product, cancellationToken))
        {
            ShopServicePhone = string.IsNullOrWhiteSpace(shop.ServicePhone) ? null : shop.ServicePhone,
            ShopReviews = new Reviews.ReviewSummary(shopRatings, 0),
        };
    }

    public async Task<Page<MerchantProductRow>> ListForMerchantAsync(Actor actor, ProductStatus? status, string? search,
        int pageIndex, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var query = db.Products.AsNoTracking().Where(p => p.ShopId == shopId);
        if (status is not null)
        {
            query = query.Where(p => p.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(p => p.Title.Contains(search.Trim()) || p.Skus.Any(s => s.Code.Contains(search.Trim())));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip(pageIndex * pageSize).Take(pageSize)
            .Select(p => new MerchantProductRow(p.Id, p.Title, p.Images.OrderBy(i => i.SortOrder).Select(i => i.Path).FirstOrDefault(),
                new Money(p.MinPriceFen), p.Status, p.Skus.Count,
                db.StockItems.Where(s => s.ShopId == shopId && p.Skus.Select(k => k.Id).Contains(s.SkuId)).Sum(s => s.OnHand - s.Reserved),
                p.SalesCount, p.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new Page<MerchantProductRow>(rows, total);
    }

    /// <summary>The product as its editor shows it; another shop's product is not found.</summary>
    public async Task<ProductInput?> GetForEditAsync(Actor actor, int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var product = await LoadAsync(db, productId, cancellationToken);
        if (product is null || product.ShopId != shopId)
        {
            return null;
        }
        return new ProductInput(product.Title, product.Subtitle, product.CategoryId, product.BrandId, product.DescriptionHtml,
            JsonSerializer.Deserialize<List<SpecDefinition>>(product.SpecsJson) ?? [],
            product.Skus.Select(s => new SkuInput(s.Code, s.Price, s.PromotionPrice, s.CostPrice, s.WeightGrams, s.InitialStock)).ToList(),
            product.Images.OrderBy(i => i.SortOrder).Select(i => i.Path).ToList(),
            product.Attributes.OrderBy(a => a.SortOrder).Select(a => new AttributeInput(a.Name, a.Value)).ToList(),
            product.Tags.Select(t => t.Name).ToList(),
            product.Related.OrderBy(r => r.SortOrder).Select(r => r.RelatedProductId).ToList());
    }

    /// <summary>New products waiting for the platform's review (when Catalog:ReviewNewProducts is on).</summary>
    public async Task<IReadOnlyList<ProductCard>> ListPendingReviewAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Accounts.Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ProductCard.Project(db, db.Products.AsNoTracking().Where(p => p.Status == ProductStatus.PendingReview).OrderBy(p => p.UpdatedAt))
            .Take(100).ToListAsync(cancellationToken);
    }

    private static Task<Product?> LoadAsync(MallDbContext db, int productId, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking().Include(p => p.Skus).Include(p => p.Images).Include(p => p.Attributes)
            .Include(p => p.Tags).Include(p => p.Related).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == productId, cancellationToken);

    // The merchant's picks first; the rest filled from the same category, products sharing a tag first.
    private static async Task<IReadOnlyList<ProductCard>> RelatedAsync(MallDbContext db, Product product, CancellationToken cancellationToken)
    {
        var picked = product.Related.OrderBy(r => r.SortOrder).Select(r => r.RelatedProductId).ToList();
        var tags = product.Tags.Select(t => t.Name).ToList();
        var onSale = db.Products.AsNoTracking().Where(p => p.Status == ProductStatus.OnSale && p.Id != product.Id);
        var cards = await ProductCard.Project(db, onSale.Where(p => picked.Contains(p.Id))).ToListAsync(cancellationToken);
        cards = [.. cards.OrderBy(c => picked.IndexOf(c.Id))];
        if (cards.Count < RelatedCount)
        {
            var fallback = onSale.Where(p => p.CategoryId == product.CategoryId && !picked.Contains(p.Id))
                .OrderByDescending(p => p.Tags.Count(t => tags.Contains(t.Name))).ThenByDescending(p => p.SalesCount)
                .Take(RelatedCount - cards.Count);
            cards.AddRange(await ProductCard.Project(db, fallback).ToListAsync(cancellationToken));
        }
        return cards;
    }
}

public sealed record SkuOption(int Id, string SpecText, Money Price, Money? PromotionPrice, int Stock)
{
    public Money SellingPrice => PromotionPrice ?? Price;

    public string? DiscountText => PricePolicy.DiscountText(Price, PromotionPrice);
}

public sealed record ProductDetails(
    int Id, string Title, string Subtitle, string CategoryName, int CategoryId, string? BrandName,
    IReadOnlyList<string> ImagePaths, IReadOnlyList<SpecDefinition> Specs, IReadOnlyList<SkuOption> Skus,
    IReadOnlyList<AttributeInput> Attributes, IReadOnlyList<string> Tags, string DescriptionHtml,
    int SalesCount, int ShopId, string ShopName, string? ShopLogoPath, IReadOnlyList<ProductCard> Related)
{
    /// <summary>The shop's 客服 number, when it gave one; the product page's 客服 button calls it, else opens the shop.</summary>
    public string? ShopServicePhone { get; init; }

    /// <summary>The ratings of every review on the shop's products (店铺评分), without the photo count.</summary>
    public Reviews.ReviewSummary ShopReviews { get; init; } = new(new Dictionary<int, int>(), 0);
}

public sealed record MerchantProductRow(
    int Id, string Title, string? MainImagePath, Money Price, ProductStatus Status, int SkuCount, int Stock, int SalesCount, DateTime UpdatedAt);
