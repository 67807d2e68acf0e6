using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Inventory;

/// <summary>
/// The stock of one SKU: what is on the shelf (<see cref="OnHand"/>) and how much of it open orders hold
/// (<see cref="Reserved"/>). Reservations change it only through a conditional SQL update
/// (InventoryService), never read-then-write, so the last unit cannot be sold twice.
/// </summary>
public class StockItem
{
    protected StockItem()
    {
    }

    public StockItem(int skuId, int shopId, int lowStockThreshold, int onHand) =>
        (SkuId, ShopId, LowStockThreshold, OnHand) = (skuId, shopId, lowStockThreshold, onHand);

    public int Id { get; private set; }

    public int SkuId { get; private set; }

    /// <summary>Copied from the SKU so a shop's stock is found without joins.</summary>
    public int ShopId { get; private set; }

    public int OnHand { get; private set; }

    public int Reserved { get; private set; }

    public int LowStockThreshold { get; private set; }

    /// <summary>Bumped by every change; the conditional updates also bump it.</summary>
    public int Version { get; private set; }

    public int Available => OnHand - Reserved;
}

internal sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> builder)
    {
        builder.Ignore(s => s.Available);
        builder.HasIndex(s => s.SkuId).IsUnique();
        builder.HasIndex(s => s.ShopId);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Catalog.ProductSku>().WithMany().HasForeignKey(s => s.SkuId).OnDelete(DeleteBehavior.Cascade);
    }
}
