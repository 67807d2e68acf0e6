using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution.Commissions;

public enum ProductRuleMode
{
    /// <summary>Its own rates per level, on the shop's base.</summary>
    Rates,

    /// <summary>A fixed amount per unit sold, per level.</summary>
    Fixed,

    /// <summary>No commission on this product.</summary>
    Excluded,
}

/// <summary>A merchant's override of its shop's policy for one product: other rates, fixed amounts per unit, or none at all.</summary>
public class ProductCommissionRule
{
    protected ProductCommissionRule()
    {
    }

    public int Id { get; private set; }

    public int ProductId { get; private set; }

    public int ShopId { get; private set; }

    public ProductRuleMode Mode { get; private set; }

    /// <summary>Per level: basis points for <see cref="ProductRuleMode.Rates"/>, fen per unit for <see cref="ProductRuleMode.Fixed"/>.</summary>
    public long Level1 { get; private set; }

    public long Level2 { get; private set; }

    public long Level3 { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    internal static ProductCommissionRule For(int shopId, int productId) => new() { ShopId = shopId, ProductId = productId };

    /// <summary>Rates within the cap in total; fixed amounts not negative (the cap still bounds each sale).</summary>
    internal void Change(ProductRuleInput input, int levels, BasisPoints cap, DateTime now)
    {
        var values = new[] { input.Level1, input.Level2, input.Level3 }.Take(levels).ToList();
        if (values.Any(v => v < 0))
        {
            throw new DomainException(CoreText.CommissionRateNegative, nameof(Level1));
        }
        if (input.Mode == ProductRuleMode.Rates && values.Sum() > cap.Value)
        {
            throw new DomainException(string.Format(CoreText.CommissionRatesOverCap, cap), nameof(Level1));
        }
        if (input.Mode == ProductRuleMode.Fixed && values.Any(v => v > 100_000_00))
        {
            throw new DomainException(CoreText.CommissionFixedTooHigh, nameof(Level1));
        }
        (Mode, UpdatedAt) = (input.Mode, now);
        (Level1, Level2, Level3) = input.Mode == ProductRuleMode.Excluded ? (0, 0, 0)
            : (values[0], levels > 1 ? values[1] : 0, levels > 2 ? values[2] : 0);
    }

    /// <summary>The calculator's rule for this product (null when excluded), on the shop's base.</summary>
    public CommissionRule? ToRule(int levels, CommissionBase basis)
    {
        var values = new[] { Level1, Level2, Level3 }.Take(levels).ToList();
        return Mode switch
        {
            ProductRuleMode.Excluded => null,
            ProductRuleMode.Fixed => new CommissionRule(values.Select(_ => new BasisPoints(0)).ToList(), basis, CommissionSource.Product, values),
            _ => new CommissionRule(values.Select(v => new BasisPoints((int)v)).ToList(), basis, CommissionSource.Product),
        };
    }
}

public sealed record ProductRuleInput(int ProductId, ProductRuleMode Mode, long Level1, long Level2, long Level3);

internal sealed class ProductCommissionRuleConfiguration : IEntityTypeConfiguration<ProductCommissionRule>
{
    public void Configure(EntityTypeBuilder<ProductCommissionRule> builder)
    {
        builder.HasIndex(r => r.ProductId).IsUnique();
        builder.HasIndex(r => r.ShopId);
        builder.HasOne<Catalog.Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
