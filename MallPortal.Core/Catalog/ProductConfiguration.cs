using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(Product.TitleMaxLength).IsRequired();
        builder.Property(p => p.Subtitle).HasMaxLength(Product.SubtitleMaxLength).IsRequired();
        builder.Property(p => p.DescriptionHtml).IsRequired();
        builder.Property(p => p.SpecsJson).HasMaxLength(4000).IsRequired();
        builder.Ignore(p => p.MinPrice);
        builder.Ignore(p => p.MinPriceOriginal);
        builder.HasMany(p => p.Skus).WithOne().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Attributes).WithOne().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Tags).WithOne().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Related).WithOne().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Skus).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Shop>().WithMany().HasForeignKey(p => p.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Brand>().WithMany().HasForeignKey(p => p.BrandId).OnDelete(DeleteBehavior.Restrict);
        // The storefront filters and sorts in SQL: by category and status, then price, sales or age.
        builder.HasIndex(p => new { p.Status, p.CategoryId, p.MinPriceFen });
        builder.HasIndex(p => new { p.Status, p.SalesCount });
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        builder.HasIndex(p => new { p.ShopId, p.Status });
        builder.HasIndex(p => p.BrandId);
    }
}
