using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Catalog;

public enum ProductSort
{
    Recommended,
    Sales,
    PriceAscending,
    PriceDescending,
    Newest,
}

/// <summary>The storefront's reads: browsing with filters and sorting done in SQL, search, the category tree.</summary>
public sealed class CatalogQueries(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<Page<ProductCard>> BrowseAsync(BrowseQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var products = await ScopeAsync(db, query, cancellationToken);
        if (query.BrandIds is { Count: > 0 } brands)
        {
            products = products.Where(p => p.BrandId != null && brands.Contains(p.BrandId.Value));
        }
        if (query.Tags is { Count: > 0 } tags)
        {
            products = products.Where(p => p.Tags.Any(t => tags.Contains(t.Name)));
        }
        if (query.MinPrice is { } min)
        {
            products = products.Where(p => p.MinPriceFen >= min.Fen);
        }
        if (query.MaxPrice is { } max)
        {
            products = products.Where(p => p.MinPriceFen <= max.Fen);
        }
        var total = await products.CountAsync(cancellationToken);
        var sorted = query.Sort switch
        {
            ProductSort.Sales => products.OrderByDescending(p => p.SalesCount).ThenByDescending(p => p.Id),
            ProductSort.PriceAscending => products.OrderBy(p => p.MinPriceFen).ThenByDescending(p => p.Id),
            ProductSort.PriceDescending => products.OrderByDescending(p => p.MinPriceFen).ThenByDescending(p => p.Id),
            ProductSort.Newest => products.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            _ => products.OrderByDescending(p => p.SalesCount).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
        };
        var rows = await ProductCard.Project(db, sorted.Skip(query.PageIndex * query.PageSize).Take(query.PageSize))
            .ToListAsync(cancellationToken);
        return new Page<ProductCard>(rows, total);
    }

    /// <summary>The brands and most used tags among the products of a scope: the filter chips worth offering.</summary>
    public async Task<BrowseFacets> FacetsAsync(BrowseQuery scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var products = await ScopeAsync(db, scope, cancellationToken);
        var brandIds = products.Where(p => p.BrandId != null).Select(p => p.BrandId!.Value).Distinct();
        var brands = await db.Brands.AsNoTracking().Where(b => brandIds.Contains(b.Id)).OrderBy(b => b.SortOrder)
            .Select(b => new BrandRow(b.Id, b.Name, b.LogoPath)).ToListAsync(cancellationToken);
        var tags = await products.SelectMany(p => p.Tags).GroupBy(t => t.Name)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(12).ToListAsync(cancellationToken);
        return new BrowseFacets(brands, tags);
    }

    // The fixed part of a list — on sale, and within a shop, a category tree or a search — before the shopper's filters.
    private static async Task<IQueryable<Product>> ScopeAsync(MallDbContext db, BrowseQuery query, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking().Where(p => p.Status == ProductStatus.OnSale);
        if (query.ShopId is { } shopId)
        {
            products = products.Where(p => p.ShopId == shopId);
        }
        if (query.CategoryId is { } categoryId)
        {
            var ids = await CategoryTree.SelfAndDescendantsAsync(db, categoryId, cancellationToken);
            products = products.Where(p => ids.Contains(p.CategoryId));
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            products = products.Where(p => p.Title.Contains(term) || p.Subtitle.Contains(term) || p.Tags.Any(t => t.Name.Contains(term)));
        }
        return products;
    }

    public async Task<IReadOnlyList<CategoryNode>> CategoriesAsync(bool visibleOnly = true, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.Categories.AsNoTracking().Where(c => !visibleOnly || c.IsVisible)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return CategoryTree.Build(all);
    }

    public async Task<ShopCard?> ShopAsync(int shopId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Shops.AsNoTracking().Where(s => s.Id == shopId)
            .Select(s => new ShopCard(s.Id, s.Name, s.Description, s.ServicePhone, s.LogoPath,
                db.Products.Count(p => p.ShopId == s.Id && p.Status == ProductStatus.OnSale)))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BrandRow>> BrandsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Brands.AsNoTracking().OrderBy(b => b.SortOrder).ThenBy(b => b.Name)
            .Select(b => new BrandRow(b.Id, b.Name, b.LogoPath)).ToListAsync(cancellationToken);
    }
}

public sealed record BrowseQuery(
    int? ShopId = null,
    int? CategoryId = null,
    IReadOnlyList<int>? BrandIds = null,
    IReadOnlyList<string>? Tags = null,
    Money? MinPrice = null,
    Money? MaxPrice = null,
    string? Search = null,
    ProductSort Sort = ProductSort.Recommended,
    int PageIndex = 0,
    int PageSize = 20);

public sealed record BrandRow(int Id, string Name, string? LogoPath);

public sealed record BrowseFacets(IReadOnlyList<BrandRow> Brands, IReadOnlyList<string> Tags);

public sealed record ShopCard(int Id, string Name, string Description, string ServicePhone, string? LogoPath, int ProductCount);
