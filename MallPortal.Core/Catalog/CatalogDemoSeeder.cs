using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using MallPortal.Core.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Catalog;

/// <summary>The demo catalogue: categories, brands, the two demo shops and 44 products on sale with SKUs and promotions.</summary>
public sealed class CatalogDemoSeeder(IDbContextFactory<MallDbContext> contexts, IFileStore files, RichTextSanitizer sanitizer, TimeProvider clock)
    : IDemoSeeder
{
    public string Name => "catalog";

    public int Order => 200;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var leaves = await SeedCategoriesAsync(db, cancellationToken);
        var brands = CatalogDemoData.Brands.Select((b, i) => new Brand(b, null, i)).ToList();
        db.Brands.AddRange(brands);
        var shops = new List<Shop>();
        foreach (var (phone, shopName, description) in CatalogDemoData.Shops)
        {
            var owner = await db.Users.SingleAsync(u => u.PhoneNumber == phone, cancellationToken);
            var shop = new Shop(owner.Id, shopName, "400-820-" + phone[^4..], now);
            shop.UpdateSettings(shopName, description, "400-820-" + phone[^4..], null);
            // The usual small-shop rule: a flat fee, free over an amount.
            shop.SetShipping(Money.FromYuan(shops.Count == 0 ? 10 : 8), Money.FromYuan(shops.Count == 0 ? 99 : 199));
            shops.Add(shop);
        }
        db.Shops.AddRange(shops);
        await db.SaveChangesAsync(cancellationToken);

        var index = 0;
        var products = new List<Product>();
        foreach (var demo in CatalogDemoData.Products)
        {
            var shop = shops[demo.Shop];
            var images = new List<string>();
            for (var v = 0; v < 2; v++)
            {
                var path = $"products/{shop.Id}-demo-{index}-{v}.jpg";
                await files.SaveAsync(path, DemoImages.Draw(demo.Label, demo.Hue, v), cancellationToken);
                images.Add(path);
            }
            var input = CatalogDemoData.ToInput(demo, leaves[demo.Category], brands[demo.Brand].Id, images, index);
            var product = Product.Create(shop.Id, input, sanitizer.Sanitize(input.DescriptionHtml), now.AddMinutes(-index * 37));
            product.Publish(reviewRequired: false);
            db.Products.Add(product);
            products.Add(product);
            index++;
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var product in products)
        {
            await Inventory.StockService.OpenAsync(db, product, null, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, int>> SeedCategoriesAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        var leaves = new Dictionary<string, int>();
        foreach (var (top, children) in CatalogDemoData.Categories)
        {
            var first = new Category(top, null, leaves.Count);
            db.Categories.Add(first);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (middle, bottoms) in children)
            {
                var second = new Category(middle, first, 0);
                db.Categories.Add(second);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var bottom in bottoms)
                {
                    var third = new Category(bottom, second, 0);
                    db.Categories.Add(third);
                    await db.SaveChangesAsync(cancellationToken);
                    leaves[bottom] = third.Id;
                }
            }
        }
        return leaves;
    }
}
