using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Inventory;

public enum StocktakeStatus
{
    Counting,
    Approved,
}

/// <summary>
/// A stocktake (盘点): recorded on-hand quantities snapshotted at creation, counted quantities entered,
/// and on approval one adjustment per line whose count differs. The variance is counted − snapshot and is
/// added to the current on-hand, so what was sold or received while counting stays accounted for.
/// </summary>
public class Stocktake
{
    private readonly List<StocktakeLine> _lines = [];

    protected Stocktake()
    {
    }

    public Stocktake(int shopId, string number, int? categoryId, DateTime createdAt, IEnumerable<StocktakeLine> lines)
    {
        (ShopId, Number, CategoryId, CreatedAt, Status) = (shopId, number, categoryId, createdAt, StocktakeStatus.Counting);
        _lines.AddRange(lines);
    }

    public int Id { get; private set; }

    public int ShopId { get; private set; }

    public string Number { get; private set; } = "";

    public int? CategoryId { get; private set; }

    public StocktakeStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public IReadOnlyList<StocktakeLine> Lines => _lines;

    public void Count(int skuId, int counted, string? reason)
    {
        EnsureCounting();
        if (counted < 0)
        {
            throw new DomainException(CoreText.QuantityNotNegative, "Counted");
        }
        var line = _lines.SingleOrDefault(l => l.SkuId == skuId) ?? throw new DomainException(CoreText.SkuNotFound, "Lines");
        line.Record(counted, reason);
    }

    public void Approve(DateTime now)
    {
        EnsureCounting();
        (Status, ApprovedAt) = (StocktakeStatus.Approved, now);
    }

    private void EnsureCounting()
    {
        if (Status != StocktakeStatus.Counting)
        {
            throw new DomainException(CoreText.StocktakeClosed);
        }
    }
}

public class StocktakeLine
{
    protected StocktakeLine()
    {
    }

    public StocktakeLine(int skuId, int recorded, long? unitCostFen) => (SkuId, Recorded, UnitCostFen) = (skuId, recorded, unitCostFen);

    public int Id { get; private set; }

    public int StocktakeId { get; private set; }

    public int SkuId { get; private set; }

    /// <summary>On hand when the stocktake was created.</summary>
    public int Recorded { get; private set; }

    public int? Counted { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Cost price in fen when the merchant gave one, for the variance value.</summary>
    public long? UnitCostFen { get; private set; }

    public int Variance => Counted is { } c ? c - Recorded : 0;

    internal void Record(int counted, string? reason) => (Counted, Reason) = (counted, string.IsNullOrWhiteSpace(reason) ? Reason : reason.Trim());
}

internal sealed class StocktakeConfiguration : IEntityTypeConfiguration<Stocktake>, IEntityTypeConfiguration<StocktakeLine>
{
    public void Configure(EntityTypeBuilder<Stocktake> builder)
    {
        builder.Property(s => s.Number).HasMaxLength(32).IsRequired();
        builder.HasIndex(s => s.Number).IsUnique();
        builder.HasIndex(s => new { s.ShopId, s.CreatedAt });
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.StocktakeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<StocktakeLine> builder)
    {
        builder.Ignore(l => l.Variance);
        builder.Property(l => l.Reason).HasMaxLength(200);
        builder.HasIndex(l => new { l.StocktakeId, l.SkuId }).IsUnique();
    }
}
