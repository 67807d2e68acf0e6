using System.Text.Json;
using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Catalog;

public enum ProductStatus
{
    Draft,
    PendingReview,
    OnSale,
    OffShelf,
}

/// <summary>
/// A shop's product with its specs, SKUs, images, attributes, tags and related picks. Everything
/// is validated before anything changes, so a rejected save leaves the product as it was.
/// </summary>
public class Product
{
    public const int TitleMaxLength = 60;
    public const int SubtitleMaxLength = 120;
    public const int TagMaxLength = 12;
    public const int MaxImages = 9;
    public const int MaxTags = 10;

    private readonly List<ProductSku> _skus = [];
    private readonly List<ProductImage> _images = [];
    private readonly List<ProductAttribute> _attributes = [];
    private readonly List<ProductTag> _tags = [];
    private readonly List<ProductRelation> _related = [];

    protected Product()
    {
    }

    private Product(int shopId, DateTime now) => (ShopId, CreatedAt, Status) = (shopId, now, ProductStatus.Draft);

    public int Id { get; private set; }

    public int ShopId { get; private set; }

    public string Title { get; private set; } = "";

    public string Subtitle { get; private set; } = "";

    public int CategoryId { get; private set; }

    public int? BrandId { get; private set; }

    public ProductStatus Status { get; private set; }

    /// <summary>Sanitized HTML (RichTextSanitizer) — sanitized again when shown.</summary>
    public string DescriptionHtml { get; private set; } = "";

    /// <summary>The specs as JSON ([{"Name":"颜色","Values":["红","蓝"]}]), for the editor.</summary>
    public string SpecsJson { get; private set; } = "[]";

    /// <summary>Lowest selling price over the SKUs in fen, a plain column so SQL filters and sorts on it.</summary>
    public long MinPriceFen { get; private set; }

    /// <summary>The original price of the SKU with the lowest selling price, for the struck-through figure.</summary>
    public long MinPriceOriginalFen { get; private set; }

    public Money MinPrice => new(MinPriceFen);

    public Money MinPriceOriginal => new(MinPriceOriginalFen);

    public int SalesCount { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<ProductSku> Skus => _skus;

    public IReadOnlyList<ProductImage> Images => _images;

    public IReadOnlyList<ProductAttribute> Attributes => _attributes;

    public IReadOnlyList<ProductTag> Tags => _tags;

    public IReadOnlyList<ProductRelation> Related => _related;

    public static Product Create(int shopId, ProductInput input, string sanitizedDescription, DateTime now)
    {
        var product = new Product(shopId, now);
        product.Apply(input, sanitizedDescription, now);
        return product;
    }

    public void Apply(ProductInput input, string sanitizedDescription, DateTime now)
    {
        var rows = Validate(input);
        (Title, Subtitle, CategoryId, BrandId) = (input.Title.Trim(), (input.Subtitle ?? "").Trim(), input.CategoryId, input.BrandId);
        DescriptionHtml = sanitizedDescription;
        SpecsJson = JsonSerializer.Serialize(input.Specs);
        ReplaceSkus(rows, input.Skus);
        Replace(_images, input.ImagePaths.Select((p, i) => new ProductImage(p, i)));
        Replace(_attributes, input.Attributes.Select((a, i) => new ProductAttribute(a.Name.Trim(), a.Value.Trim(), i)));
        Replace(_tags, input.Tags.Select(t => t.Trim()).Distinct().Select(t => new ProductTag(t)));
        Replace(_related, input.RelatedProductIds.Where(id => id != Id).Distinct().Select((id, i) => new ProductRelation(id, i)));
        var cheapest = _skus.MinBy(s => s.SellingPrice.Fen)!;
        (MinPriceFen, MinPriceOriginalFen, UpdatedAt) = (cheapest.SellingPrice.Fen, cheapest.Price.Fen, now);
    }

    /// <summary>Puts the product on sale, or into the platform's review first when that setting is on.</summary>
    public void Publish(bool reviewRequired) =>
        Status = reviewRequired && Status is ProductStatus.Draft or ProductStatus.PendingReview
            ? ProductStatus.PendingReview
            : ProductStatus.OnSale;

    public void ApproveReview()
    {
        if (Status != ProductStatus.PendingReview)
        {
            throw new DomainException(CoreText.ProductNotPendingReview);
        }
        Status = ProductStatus.OnSale;
    }

    public void TakeOffShelf()
    {
        if (Status == ProductStatus.OnSale)
        {
            Status = ProductStatus.OffShelf;
        }
    }

    private static IReadOnlyList<IReadOnlyList<SpecChoice>> Validate(ProductInput input)
    {
        var title = (input.Title ?? "").Trim();
        if (title.Length is 0 or > TitleMaxLength)
        {
            throw new DomainException(string.Format(CoreText.ProductTitleLength, TitleMaxLength), nameof(Title));
        }
        if ((input.Subtitle ?? "").Trim().Length > SubtitleMaxLength)
        {
            throw new DomainException(string.Format(CoreText.ProductSubtitleLength, SubtitleMaxLength), nameof(Subtitle));
        }
        if (input.ImagePaths.Count == 0)
        {
            throw new DomainException(CoreText.ProductMainImageRequired, "Images");
        }
        if (input.ImagePaths.Count > MaxImages || input.Tags.Count > MaxTags || input.Tags.Any(t => t.Trim().Length is 0 or > TagMaxLength))
        {
            throw new DomainException(string.Format(CoreText.ProductListLimits, MaxImages, MaxTags, TagMaxLength), "Images");
        }
        var rows = SkuMatrix.Combine(input.Specs);
        if (input.Skus.Count != rows.Count)
        {
            throw new DomainException(CoreText.SkuMatrixMismatch, "Skus");
        }
        var codes = input.Skus.Select(s => (s.Code ?? "").Trim()).ToList();
        if (codes.Any(c => c.Length is 0 or > ProductSku.CodeMaxLength) || codes.Distinct().Count() != codes.Count)
        {
            throw new DomainException(CoreText.SkuCodeDuplicate, "Skus");
        }
        if (input.Skus.Any(s => s.InitialStock < 0 || s.WeightGrams < 0))
        {
            throw new DomainException(CoreText.QuantityNotNegative, "Skus");
        }
        foreach (var sku in input.Skus)
        {
            PricePolicy.Validate(sku.Price, sku.PromotionPrice, sku.CostPrice);
        }
        return rows;
    }

    // SKUs keep their ids (and so their stock and order history) when the spec text still matches.
    private void ReplaceSkus(IReadOnlyList<IReadOnlyList<SpecChoice>> rows, IReadOnlyList<SkuInput> inputs)
    {
        var texts = rows.Select(SkuText.Format).ToList();
        _skus.RemoveAll(s => !texts.Contains(s.SpecText));
        for (var i = 0; i < texts.Count; i++)
        {
            var existing = _skus.FirstOrDefault(s => s.SpecText == texts[i]);
            if (existing is null)
            {
                _skus.Add(new ProductSku(ShopId, texts[i], inputs[i]));
            }
            else
            {
                existing.Change(inputs[i]);
            }
        }
    }

    private static void Replace<T>(List<T> list, IEnumerable<T> items)
    {
        list.Clear();
        list.AddRange(items);
    }
}

public sealed record ProductInput(
    string Title,
    string? Subtitle,
    int CategoryId,
    int? BrandId,
    string? DescriptionHtml,
    IReadOnlyList<SpecDefinition> Specs,
    IReadOnlyList<SkuInput> Skus,
    IReadOnlyList<string> ImagePaths,
    IReadOnlyList<AttributeInput> Attributes,
    IReadOnlyList<string> Tags,
    IReadOnlyList<int> RelatedProductIds);

public sealed record AttributeInput(string Name, string Value);
