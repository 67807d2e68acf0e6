using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Risk;

/// <summary>A shop's own review threshold (店铺大额审核线): its orders above it are held even under the platform's line.</summary>
public class ShopRiskLimit
{
    protected ShopRiskLimit()
    {
    }

    internal ShopRiskLimit(int shopId, long holdAboveFen) => (ShopId, HoldAboveFen) = (shopId, holdAboveFen);

    public int ShopId { get; private set; }

    public long HoldAboveFen { get; internal set; }
}

internal sealed class ShopRiskLimitConfiguration : IEntityTypeConfiguration<ShopRiskLimit>
{
    public void Configure(EntityTypeBuilder<ShopRiskLimit> builder)
    {
        builder.HasKey(l => l.ShopId);
        builder.Property(l => l.ShopId).ValueGeneratedNever();
        builder.HasOne<Catalog.Shop>().WithMany().HasForeignKey(l => l.ShopId).OnDelete(DeleteBehavior.Cascade);
    }
}
