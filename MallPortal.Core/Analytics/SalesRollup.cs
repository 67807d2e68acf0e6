using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Analytics;

/// <summary>
/// One shop's figures of one business-local day under one dimension key (decision 0019). Sales count on the day the
/// money was received (paid online, or cash collected); refunds on the day they were granted. Rows are written only by
/// <see cref="RollupService"/>, which replaces a whole day from the facts, so a rebuild gives the same rows.
/// </summary>
public class SalesRollup
{
    public const int KeyMaxLength = 40;

    protected SalesRollup()
    {
    }

    internal SalesRollup(DateOnly day, int shopId, SalesDimension dimension, string key) =>
        (Day, ShopId, Dimension, Key) = (day, shopId, dimension, key);

    public long Id { get; private set; }

    public DateOnly Day { get; private set; }

    /// <summary>0 for what belongs to no shop (clicks on links to the home page).</summary>
    public int ShopId { get; private set; }

    public SalesDimension Dimension { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>Paid orders (for line dimensions: orders with at least one line under the key).</summary>
    public int Orders { get; internal set; }

    /// <summary>Distinct buyers of the day; a period's buyers are counted from the orders, not summed.</summary>
    public int Buyers { get; internal set; }

    public int Units { get; internal set; }

    public long SalesFen { get; internal set; }

    public int Refunds { get; internal set; }

    public int RefundUnits { get; internal set; }

    public long RefundFen { get; internal set; }

    /// <summary>Commission of all levels earned on the day's paid orders.</summary>
    public long CommissionFen { get; internal set; }

    /// <summary>Commission taken back on the day (refunds reverse or claw back, the admin voids).</summary>
    public long CommissionBackFen { get; internal set; }

    /// <summary>Distinct visitors of the day through distributors' links to the shop or its products.</summary>
    public int Visitors { get; internal set; }

    internal bool SameFigures(SalesRollup other) =>
        (Orders, Buyers, Units, SalesFen, Refunds, RefundUnits, RefundFen, CommissionFen, CommissionBackFen, Visitors) ==
        (other.Orders, other.Buyers, other.Units, other.SalesFen, other.Refunds, other.RefundUnits, other.RefundFen,
            other.CommissionFen, other.CommissionBackFen, other.Visitors);
}

internal sealed class SalesRollupConfiguration : IEntityTypeConfiguration<SalesRollup>
{
    public void Configure(EntityTypeBuilder<SalesRollup> builder)
    {
        builder.Property(r => r.Dimension).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Key).HasMaxLength(SalesRollup.KeyMaxLength).IsRequired();
        builder.HasIndex(r => new { r.ShopId, r.Dimension, r.Day, r.Key }).IsUnique();
        builder.HasIndex(r => new { r.Dimension, r.Day });
    }
}
