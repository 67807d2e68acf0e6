using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Catalog;

/// <summary>The platform's category tree, at most three levels (一级/二级/三级类目).</summary>
public class Category
{
    public const int MaxLevel = 3;
    public const int NameMaxLength = 20;

    protected Category()
    {
    }

    public Category(string name, Category? parent, int sortOrder)
    {
        if (parent is not null && parent.Level >= MaxLevel)
        {
            throw new DomainException(string.Format(CoreText.CategoryTooDeep, MaxLevel), "Parent");
        }
        Rename(name);
        ParentId = parent?.Id;
        Level = parent is null ? 1 : parent.Level + 1;
        SortOrder = sortOrder;
        IsVisible = true;
    }

    public int Id { get; private set; }

    public int? ParentId { get; private set; }

    public string Name { get; private set; } = "";

    public int Level { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsVisible { get; private set; }

    public void Rename(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > NameMaxLength)
        {
            throw new DomainException(string.Format(CoreText.CategoryNameLength, NameMaxLength), nameof(Name));
        }
        Name = trimmed;
    }

    public void Arrange(int sortOrder, bool isVisible) => (SortOrder, IsVisible) = (sortOrder, isVisible);
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Category.NameMaxLength).IsRequired();
        builder.HasIndex(c => new { c.ParentId, c.Name }).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
