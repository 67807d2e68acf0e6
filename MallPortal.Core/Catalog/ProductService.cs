using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Catalog;

/// <summary>A merchant's own products: create, edit, publish, take off shelf. Never another shop's.</summary>
public sealed class ProductService(
    IDbContextFactory<MallDbContext> contexts, RichTextSanitizer sanitizer, IOptions<CatalogOptions> options, TimeProvider clock)
{
    public async Task<int> CreateAsync(Actor actor, ProductInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ShopOfAsync(db, actor, cancellationToken);
        await CheckReferencesAsync(db, shopId, null, input, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var product = Product.Create(shopId, input, sanitizer.Sanitize(input.DescriptionHtml), now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        // Each SKU's initial quantity opens its stock (and its first ledger row) with the product.
        await Inventory.StockService.OpenAsync(db, product, actor.UserId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return product.Id;
    }

    public async Task UpdateAsync(Actor actor, int productId, ProductInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var product = await OwnAsync(db, actor, productId, cancellationToken);
        await CheckReferencesAsync(db, product.ShopId, productId, input, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        product.Apply(input, sanitizer.Sanitize(input.DescriptionHtml), now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await Inventory.StockService.OpenAsync(db, product, actor.UserId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Puts products on sale (or into review, when the platform reviews new products) or off the shelf.</summary>
    public async Task<int> SetOnSaleAsync(Actor actor, IReadOnlyCollection<int> productIds, bool onSale, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ShopOfAsync(db, actor, cancellationToken);
        var products = await db.Products.Where(p => p.ShopId == shopId && productIds.Contains(p.Id)).ToListAsync(cancellationToken);
        if (products.Count != productIds.Distinct().Count())
        {
            throw new DomainException(CoreText.ProductNotFound);
        }
        foreach (var product in products)
        {
            if (onSale)
            {
                product.Publish(options.Value.ReviewNewProducts);
            }
            else
            {
                product.TakeOffShelf();
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return products.Count;
    }

    /// <summary>The platform approves a product waiting for review.</summary>
    public async Task ApproveAsync(Actor actor, int productId, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == productId, cancellationToken)
            ?? throw new DomainException(CoreText.ProductNotFound);
        product.ApproveReview();
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static async Task<int> ShopOfAsync(MallDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Roles.Merchant);
        return await db.Shops.Where(s => s.OwnerUserId == actor.UserId).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(CoreText.NotAllowed);
    }

    // Another shop's product is "not found", exactly like a missing one.
    private static async Task<Product> OwnAsync(MallDbContext db, Actor actor, int productId, CancellationToken cancellationToken)
    {
        var shopId = await ShopOfAsync(db, actor, cancellationToken);
        return await db.Products.Include(p => p.Skus).Include(p => p.Images).Include(p => p.Attributes)
                   .Include(p => p.Tags).Include(p => p.Related).AsSplitQuery()
                   .SingleOrDefaultAsync(p => p.Id == productId && p.ShopId == shopId, cancellationToken)
               ?? throw new DomainException(CoreText.ProductNotFound);
    }

    private static async Task CheckReferencesAsync(MallDbContext db, int shopId, int? productId, ProductInput input, CancellationToken cancellationToken)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == input.CategoryId, cancellationToken))
        {
            throw new DomainException(CoreText.CategoryNotFound, "CategoryId");
        }
        if (input.BrandId is { } brandId && !await db.Brands.AnyAsync(b => b.Id == brandId, cancellationToken))
        {
            throw new DomainException(CoreText.BrandNotFound, "BrandId");
        }
        var codes = input.Skus.Select(s => s.Code.Trim()).ToList();
        if (await db.ProductSkus.AnyAsync(s => s.ShopId == shopId && s.ProductId != productId && codes.Contains(s.Code), cancellationToken))
        {
            throw new DomainException(CoreText.SkuCodeTaken, "Skus");
        }
        var related = input.RelatedProductIds;
        if (related.Count > 0 && await db.Products.CountAsync(p => p.ShopId == shopId && related.Contains(p.Id), cancellationToken) != related.Distinct().Count())
        {
            throw new DomainException(CoreText.ProductNotFound, "Related");
        }
    }
}

/// <summary><c>Catalog:*</c> settings.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>New products wait for the platform's review before going on sale.</summary>
    public bool ReviewNewProducts { get; set; }
}
