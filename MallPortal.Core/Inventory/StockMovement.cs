using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Inventory;

/// <summary>
/// One append-only ledger row. <see cref="OnHandChange"/> and <see cref="ReservedChange"/> say what it did;
/// on hand always equals the sum of OnHandChange over a SKU's rows (the reconciliation check).
/// </summary>
public class StockMovement
{
    protected StockMovement()
    {
    }

    public StockMovement(int skuId, int shopId, StockMovementKind kind, int onHandChange, int reservedChange,
        string reference, string? reason, int? actorUserId, DateTime at)
    {
        (SkuId, ShopId, Kind, OnHandChange, ReservedChange) = (skuId, shopId, kind, onHandChange, reservedChange);
        (Reference, Reason, ActorUserId, At) = (reference, reason, actorUserId, at);
    }

    public long Id { get; private set; }

    public int SkuId { get; private set; }

    public int ShopId { get; private set; }

    public StockMovementKind Kind { get; private set; }

    public int OnHandChange { get; private set; }

    public int ReservedChange { get; private set; }

    /// <summary>What caused it: an order number, an inbound note, a stocktake.</summary>
    public string Reference { get; private set; } = "";

    public string? Reason { get; private set; }

    public int? ActorUserId { get; private set; }

    public DateTime At { get; private set; }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> builder)
    {
        builder.Property(m => m.Reference).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Reason).HasMaxLength(200);
        builder.HasIndex(m => new { m.SkuId, m.At });
        builder.HasIndex(m => new { m.ShopId, m.At });
    }
}
