using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution.Commissions;

public enum CommissionBase
{
    /// <summary>The line's paid amount after discounts, shipping excluded.</summary>
    PaidAmount,

    /// <summary>The paid amount minus the SKU's cost price; the paid amount where no cost is known.</summary>
    Margin,
}

/// <summary>
/// What a shop pays its distributors: a rate per level in basis points on the chosen base. Orders keep the rates they were
/// paid under (the entries snapshot them), so a change applies to payments from now on.
/// </summary>
public class CommissionPolicy
{
    protected CommissionPolicy()
    {
    }

    public int Id { get; private set; }

    public int ShopId { get; private set; }

    public bool Enabled { get; private set; }

    public int Levels { get; private set; } = 2;

    public int Level1Bp { get; private set; }

    public int Level2Bp { get; private set; }

    public int Level3Bp { get; private set; }

    public CommissionBase Base { get; private set; }

    /// <summary>内购: a distributor's own purchase earns as level 1 (and its parent as level 2), as Chinese practice counts it.</summary>
    public bool SelfPurchase { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<BasisPoints> Rates => new[] { Level1Bp, Level2Bp, Level3Bp }.Take(Levels).Select(r => new BasisPoints(r)).ToList();

    internal static CommissionPolicy For(int shopId) => new() { ShopId = shopId };

    /// <summary>Levels up to the platform's maximum; each rate at least 0 and all of them together within the per-line cap.</summary>
    internal void Change(CommissionPolicyInput input, int maxLevels, BasisPoints cap, DateTime now)
    {
        if (input.Levels < 1 || input.Levels > maxLevels)
        {
            throw new DomainException(string.Format(CoreText.CommissionLevelsRange, maxLevels), nameof(Levels));
        }
        var rates = new[] { input.Level1Bp, input.Level2Bp, input.Level3Bp };
        if (rates.Any(r => r < 0))
        {
            throw new DomainException(CoreText.CommissionRateNegative, nameof(Level1Bp));
        }
        if (rates.Take(input.Levels).Sum() > cap.Value)
        {
            throw new DomainException(string.Format(CoreText.CommissionRatesOverCap, cap), nameof(Level1Bp));
        }
        (Enabled, Levels, Base, SelfPurchase, UpdatedAt) = (input.Enabled, input.Levels, input.Base, input.SelfPurchase, now);
        // Levels beyond the chosen number keep no rate, so a later raise of the levels starts from 0.
        (Level1Bp, Level2Bp, Level3Bp) = (rates[0], input.Levels > 1 ? rates[1] : 0, input.Levels > 2 ? rates[2] : 0);
        Version++;
    }

    public CommissionPolicyInput ToInput() => new(Enabled, Levels, Level1Bp, Level2Bp, Level3Bp, Base, SelfPurchase, Version);
}

public sealed record CommissionPolicyInput(bool Enabled, int Levels, int Level1Bp, int Level2Bp, int Level3Bp, CommissionBase Base, bool SelfPurchase,
    int Version = 0);

internal sealed class CommissionPolicyConfiguration : IEntityTypeConfiguration<CommissionPolicy>
{
    public void Configure(EntityTypeBuilder<CommissionPolicy> builder)
    {
        builder.HasIndex(p => p.ShopId).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Rates);
        builder.HasOne<Catalog.Shop>().WithMany().HasForeignKey(p => p.ShopId).OnDelete(DeleteBehavior.Cascade);
    }
}
