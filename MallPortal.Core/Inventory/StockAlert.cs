using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Inventory;

/// <summary>A low-stock warning (库存预警) for one SKU: opened when available stock falls to its threshold, closed on restock.</summary>
public class StockAlert
{
    protected StockAlert()
    {
    }

    public StockAlert(int skuId, int shopId, int available, int threshold, DateTime openedAt) =>
        (SkuId, ShopId, AvailableAtOpen, Threshold, OpenedAt) = (skuId, shopId, available, threshold, openedAt);

    public int Id { get; private set; }

    public int SkuId { get; private set; }

    public int ShopId { get; private set; }

    public int AvailableAtOpen { get; private set; }

    public int Threshold { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public void Close(DateTime now) => ClosedAt ??= now;
}

internal sealed class StockAlertConfiguration : IEntityTypeConfiguration<StockAlert>
{
    public void Configure(EntityTypeBuilder<StockAlert> builder)
    {
        builder.HasIndex(a => new { a.ShopId, a.ClosedAt });
        builder.HasIndex(a => new { a.SkuId, a.ClosedAt });
    }
}
