using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Catalog;

/// <summary>A product picture; SortOrder 0 is the main image. Thumbnails are made on upload.</summary>
public class ProductImage
{
    protected ProductImage()
    {
    }

    internal ProductImage(string path, int sortOrder) => (Path, SortOrder) = (path, sortOrder);

    public int Id { get; private set; }

    public int ProductId { get; private set; }

    public string Path { get; private set; } = "";

    public int SortOrder { get; private set; }
}

/// <summary>A free attribute shown on the product page (材质: 纯棉, 适用场景: 通勤).</summary>
public class ProductAttribute
{
    protected ProductAttribute()
    {
    }

    internal ProductAttribute(string name, string value, int sortOrder) => (Name, Value, SortOrder) = (name, value, sortOrder);

    public int Id { get; private set; }

    public int ProductId { get; private set; }

    public string Name { get; private set; } = "";

    public string Value { get; private set; } = "";

    public int SortOrder { get; private set; }
}

/// <summary>A merchant tag; searched and filtered on, suggested from tags already used.</summary>
public class ProductTag
{
    protected ProductTag()
    {
    }

    internal ProductTag(string name) => Name = name;

    public int Id { get; private set; }

    public int ProductId { get; private set; }

    public string Name { get; private set; } = "";
}

/// <summary>A related product the merchant picked, in the merchant's order.</summary>
public class ProductRelation
{
    protected ProductRelation()
    {
    }

    internal ProductRelation(int relatedProductId, int sortOrder) => (RelatedProductId, SortOrder) = (relatedProductId, sortOrder);

    public int Id { get; private set; }

    public int ProductId { get; private set; }

    public int RelatedProductId { get; private set; }

    public int SortOrder { get; private set; }
}

internal sealed class ProductPartsConfiguration :
    IEntityTypeConfiguration<ProductImage>, IEntityTypeConfiguration<ProductAttribute>,
    IEntityTypeConfiguration<ProductTag>, IEntityTypeConfiguration<ProductRelation>
{
    public void Configure(EntityTypeBuilder<ProductImage> builder) =>
        builder.Property(i => i.Path).HasMaxLength(256).IsRequired();

    public void Configure(EntityTypeBuilder<ProductAttribute> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(20).IsRequired();
        builder.Property(a => a.Value).HasMaxLength(100).IsRequired();
    }

    public void Configure(EntityTypeBuilder<ProductTag> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Product.TagMaxLength).IsRequired();
        builder.HasIndex(t => new { t.ProductId, t.Name }).IsUnique();
        builder.HasIndex(t => t.Name);
    }

    public void Configure(EntityTypeBuilder<ProductRelation> builder)
    {
        builder.HasIndex(r => new { r.ProductId, r.RelatedProductId }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.RelatedProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
