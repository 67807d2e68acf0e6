using MallPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Catalog;

/// <summary>One sellable combination of a product's specs (颜色:曜石黑 / 尺码:M) with its own price.</summary>
public class ProductSku
{
    public const int CodeMaxLength = 40;

    protected ProductSku()
    {
    }

    internal ProductSku(int shopId, string specText, SkuInput input)
    {
        ShopId = shopId;
        SpecText = specText;
        Change(input);
    }

    public int Id { get; private set; }

    public int ProductId { get; private set; }

    /// <summary>Copied from the product so SKU codes are unique per shop in the database.</summary>
    public int ShopId { get; private set; }

    public string Code { get; private set; } = "";

    /// <summary>"颜色:曜石黑;尺码:M", or "" for a product without specs.</summary>
    public string SpecText { get; private set; } = "";

    public Money Price { get; private set; }

    public Money? PromotionPrice { get; private set; }

    public Money? CostPrice { get; private set; }

    public int WeightGrams { get; private set; }

    /// <summary>What the merchant had on hand when listing; the Inventory module owns stock from then on.</summary>
    public int InitialStock { get; private set; }

    /// <summary>What a buyer pays now: the promotion when there is one.</summary>
    public Money SellingPrice => PromotionPrice ?? Price;

    internal void Change(SkuInput input)
    {
        PricePolicy.Validate(input.Price, input.PromotionPrice, input.CostPrice);
        (Code, Price, PromotionPrice, CostPrice) = (input.Code.Trim(), input.Price, input.PromotionPrice, input.CostPrice);
        (WeightGrams, InitialStock) = (input.WeightGrams, input.InitialStock);
    }
}

public sealed record SkuInput(string Code, Money Price, Money? PromotionPrice, Money? CostPrice, int WeightGrams, int InitialStock);

internal sealed class ProductSkuConfiguration : IEntityTypeConfiguration<ProductSku>
{
    public void Configure(EntityTypeBuilder<ProductSku> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(ProductSku.CodeMaxLength).IsRequired();
        builder.Property(s => s.SpecText).HasMaxLength(200).IsRequired();
        builder.Ignore(s => s.SellingPrice);
        builder.HasIndex(s => new { s.ShopId, s.Code }).IsUnique();
    }
}
