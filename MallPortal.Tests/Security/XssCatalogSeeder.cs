using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Security;

/// <summary>
/// What a merchant types about products, through ProductService: one product per payload (title, subtitle, rich-text
/// description, attribute, brand) found by the tag <see cref="Tag"/>, and a "collection" product per 20 payloads whose
/// page shows them all at once (description, SKU spec values, attributes, subtitle) and carries the reviews.
/// </summary>
internal sealed class XssCatalogSeeder(IServiceProvider services, XssCorpus corpus)
{
    public const string Tag = "XSS语料";
    public const int PerCollection = SkuMatrix.MaxValuesPerSpec;

    public async Task<List<XssCollection>> CreateAsync(Actor merchant, IReadOnlyList<int> brandIds)
    {
        var (categoryId, image) = await TemplateAsync(merchant);
        var products = services.GetRequiredService<ProductService>();
        var created = new List<int>();
        foreach (var n in corpus.Numbers)
        {
            var input = new ProductInput(corpus.Fit("product title", n, Product.TitleMaxLength, $"语料商品 {n}"),
                corpus.Fit("product subtitle", n, Product.SubtitleMaxLength, ""), categoryId, brandIds[(n - 1) % brandIds.Count],
                corpus.Fit("product description (rich text)", n, int.MaxValue, ""), [], [new SkuInput($"XT{n}", new Money(990), null, null, 100, 50)],
                [image], [new AttributeInput(corpus.Fit("product attribute name", n, 20, "参数"), corpus.Fit("product attribute value", n, 100, "值"))],
                [Tag], []);
            created.Add(await products.CreateAsync(merchant, input));
        }
        var collections = new List<XssCollection>();
        foreach (var chunk in corpus.Numbers.Chunk(PerCollection))
        {
            var values = chunk.Select(n => corpus.Fit("SKU spec value", n, 100, $"款式{n}")).ToList();
            var subtitle = corpus.Pack(Product.SubtitleMaxLength).FirstOrDefault(p => chunk.Contains(p.Numbers[0]));
            if (subtitle.Numbers is not null)
            {
                corpus.Record("product subtitle", subtitle.Numbers);
            }
            corpus.Record("product description (rich text)", chunk);
            var input = new ProductInput($"语料合集 {chunk[0]}-{chunk[^1]}", subtitle.Text, categoryId, null,
                string.Join("\n<hr>\n", chunk.Select(n => corpus[n])), [new SpecDefinition("款式", values)],
                chunk.Select(n => new SkuInput($"XC{n}", new Money(1990), null, null, 100, 50)).ToList(), [image],
                chunk.Select(n => new AttributeInput($"参数{n}", corpus.Fit("product attribute value", n, 100, "值"))).ToList(), [Tag], []);
            var id = await products.CreateAsync(merchant, input);
            created.Add(id);
            collections.Add(new XssCollection(id, chunk));
        }
        await products.SetOnSaleAsync(merchant, created, true);
        return collections;
    }

    /// <summary>The shop's description (packed), shown beside each of its products.</summary>
    public async Task ShopAsync(Actor merchant)
    {
        var shops = services.GetRequiredService<ShopService>();
        var description = corpus.Pack(Shop.DescriptionMaxLength)[0];
        corpus.Record("shop description", description.Numbers);
        await shops.UpdateAsync(merchant, (await shops.GetMineAsync(merchant)) with { Description = description.Text });
    }

    private async Task<(int CategoryId, string Image)> TemplateAsync(Actor merchant)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var product = await db.Products.Include(p => p.Images).Where(p => db.Shops.Any(s => s.Id == p.ShopId && s.OwnerUserId == merchant.UserId))
            .OrderBy(p => p.Id).FirstAsync();
        return (product.CategoryId, product.Images[0].Path);
    }
}

/// <summary>A product whose page shows <paramref name="Numbers"/>' payloads; its SKUs are in the same order.</summary>
internal sealed record XssCollection(int ProductId, int[] Numbers);
