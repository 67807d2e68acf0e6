using MallPortal.Core.Catalog;
using MallPortal.Core.Common;

namespace MallPortal.Areas.Merchant.Catalog;

/// <summary>What the product editor edits, in yuan as people type prices; <see cref="ToInput"/> converts to fen.</summary>
public sealed class ProductForm
{
    public string? Title { get; set; }

    public string? Subtitle { get; set; }

    public int? CategoryId { get; set; }

    public int? BrandId { get; set; }

    public string? DescriptionHtml { get; set; }

    public List<string> Tags { get; set; } = [];

    public List<string> Images { get; set; } = [];

    public List<SpecRow> Specs { get; set; } = [];

    public List<SkuRow> Skus { get; set; } = [new()];

    public List<AttributeRow> Attributes { get; set; } = [];

    public IReadOnlyCollection<int> RelatedIds { get; set; } = [];

    /// <summary>Rebuilds the SKU rows from the specs; a row whose combination stays keeps what was typed in it.</summary>
    public void RegenerateSkus()
    {
        var definitions = Specs.Select(s => s.ToDefinition()).ToList();
        var kept = Skus.ToDictionary(s => s.SpecText);
        var template = Skus.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s.Code));
        Skus = SkuMatrix.Combine(definitions).Select(SkuText.Format)
            .Select(text => kept.TryGetValue(text, out var row) ? row : new SkuRow { SpecText = text })
            .ToList();
        // New rows start like the first filled one: its prices and weight, and the next free code in its series.
        foreach (var (row, index) in Skus.Select((r, i) => (r, i)).Where(x => string.IsNullOrWhiteSpace(x.r.Code) && template is not null))
        {
            (row.Price, row.Promotion, row.Cost, row.WeightGrams) = (template!.Price, template.Promotion, template.Cost, template.WeightGrams);
            row.Code = NextCode(template.Code!, index);
        }
    }

    private string NextCode(string sample, int index)
    {
        var stem = sample.Contains('-') ? sample[..(sample.LastIndexOf('-') + 1)] : sample + "-";
        var used = Skus.Select(s => s.Code).ToHashSet();
        var n = index + 1;
        while (used.Contains($"{stem}{n:D2}"))
        {
            n++;
        }
        return $"{stem}{n:D2}";
    }

    public ProductInput ToInput() => new(
        Title ?? "", Subtitle, CategoryId ?? 0, BrandId, DescriptionHtml,
        Specs.Select(s => s.ToDefinition()).ToList(),
        Skus.Select(s => new SkuInput(s.Code ?? "", Fen(s.Price) ?? default, Fen(s.Promotion), Fen(s.Cost), s.WeightGrams, s.Stock)).ToList(),
        Images, Attributes.Where(a => !string.IsNullOrWhiteSpace(a.Name)).Select(a => new AttributeInput(a.Name!, a.Value ?? "")).ToList(),
        Tags, RelatedIds.ToList());

    public static ProductForm From(ProductInput input)
    {
        var specs = input.Specs.Select(s => new SpecRow { Name = s.Name, Values = string.Join(",", s.Values) }).ToList();
        var texts = SkuMatrix.Combine(input.Specs).Select(SkuText.Format).ToList();
        return new ProductForm
        {
            Title = input.Title, Subtitle = input.Subtitle, CategoryId = input.CategoryId, BrandId = input.BrandId,
            DescriptionHtml = input.DescriptionHtml, Tags = [.. input.Tags], Images = [.. input.ImagePaths], Specs = specs,
            Skus = input.Skus.Select((s, i) => new SkuRow
            {
                SpecText = texts.ElementAtOrDefault(i) ?? "", Code = s.Code, Price = s.Price.Yuan, Promotion = s.PromotionPrice?.Yuan,
                Cost = s.CostPrice?.Yuan, WeightGrams = s.WeightGrams, Stock = s.InitialStock,
            }).ToList(),
            Attributes = input.Attributes.Select(a => new AttributeRow { Name = a.Name, Value = a.Value }).ToList(),
            RelatedIds = input.RelatedProductIds.ToList(),
        };
    }

    // Prices are typed in yuan; anything finer than a fen is rounded to the fen, as the field shows.
    private static Money? Fen(decimal? yuan) => Components.Shared.YuanInput.ToMoney(yuan);

    public sealed class SpecRow
    {
        public string? Name { get; set; }

        public string? Values { get; set; }

        public SpecDefinition ToDefinition() => new(Name ?? "",
            (Values ?? "").Split([',', '，', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    public sealed class SkuRow
    {
        public string SpecText { get; set; } = "";

        public string? Code { get; set; }

        public decimal? Price { get; set; }

        public decimal? Promotion { get; set; }

        public decimal? Cost { get; set; }

        public int WeightGrams { get; set; }

        public int Stock { get; set; }
    }

    public sealed class AttributeRow
    {
        public string? Name { get; set; }

        public string? Value { get; set; }
    }
}
