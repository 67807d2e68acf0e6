using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Analytics;

/// <summary>
/// 活动周期: a named stretch of days (双11, 年货节) to pick in the dashboards and compare with another. A shop names its
/// own; the platform's (no shop) are offered to every shop.
/// </summary>
public class PromotionPeriod
{
    public const int NameMaxLength = 20;

    /// <summary>A promotion longer than a quarter is not a promotion; the period picker covers the rest.</summary>
    public const int MaxDays = 92;

    protected PromotionPeriod()
    {
    }

    internal PromotionPeriod(int? shopId, string? name, DateOnly? from, DateOnly? to, DateTime now)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > NameMaxLength)
        {
            throw new DomainException(string.Format(CoreText.PromotionNameRequired, NameMaxLength), nameof(Name));
        }
        var range = DateRange.Checked(from, to);
        if (range.Length > MaxDays)
        {
            throw new DomainException(string.Format(CoreText.PromotionTooLong, MaxDays), nameof(To));
        }
        (ShopId, Name, From, To, CreatedAt) = (shopId, name, range.From, range.To, now);
    }

    public int Id { get; private set; }

    public int? ShopId { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateRange Range => new(From, To);
}

internal sealed class PromotionPeriodConfiguration : IEntityTypeConfiguration<PromotionPeriod>
{
    public void Configure(EntityTypeBuilder<PromotionPeriod> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(PromotionPeriod.NameMaxLength).IsRequired();
        builder.HasIndex(p => new { p.ShopId, p.Name }).IsUnique();
        builder.HasOne<Catalog.Shop>().WithMany().HasForeignKey(p => p.ShopId).OnDelete(DeleteBehavior.Cascade);
    }
}
