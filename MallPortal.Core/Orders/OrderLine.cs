using MallPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders;

/// <summary>A bought SKU with the title, spec and price it had at checkout (later catalog edits do not change it).</summary>
public class OrderLine
{
    protected OrderLine()
    {
    }

    internal OrderLine(int productId, int skuId, string title, string specText, string? imagePath, Money unitPrice, int quantity)
    {
        (ProductId, SkuId, Title, SpecText, ImagePath) = (productId, skuId, title, specText, imagePath);
        (UnitPrice, Quantity, Amount) = (unitPrice, quantity, unitPrice * quantity);
    }

    public int Id { get; private set; }

    public int OrderId { get; private set; }

    public int ProductId { get; private set; }

    public int SkuId { get; private set; }

    public string Title { get; private set; } = "";

    public string SpecText { get; private set; } = "";

    public string? ImagePath { get; private set; }

    public Money UnitPrice { get; private set; }

    public int Quantity { get; private set; }

    public Money Amount { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    internal void MarkReviewed(DateTime now) => ReviewedAt = now;
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.Property(l => l.Title).HasMaxLength(Catalog.Product.TitleMaxLength).IsRequired();
        builder.Property(l => l.SpecText).HasMaxLength(200).IsRequired();
        builder.Property(l => l.ImagePath).HasMaxLength(256);
        builder.HasIndex(l => l.SkuId);
        builder.HasIndex(l => l.ProductId);
    }
}
