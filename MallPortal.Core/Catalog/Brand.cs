using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Catalog;

/// <summary>A brand the platform keeps (品牌库); products may name one.</summary>
public class Brand
{
    public const int NameMaxLength = 40;

    protected Brand()
    {
    }

    public Brand(string? name, string? logoPath, int sortOrder)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > NameMaxLength)
        {
            throw new DomainException(string.Format(CoreText.BrandNameLength, NameMaxLength), nameof(Name));
        }
        (Name, LogoPath, SortOrder) = (trimmed, logoPath, sortOrder);
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? LogoPath { get; private set; }

    public int SortOrder { get; private set; }
}

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(Brand.NameMaxLength).IsRequired();
        builder.Property(b => b.LogoPath).HasMaxLength(256);
        builder.HasIndex(b => b.Name).IsUnique();
    }
}
