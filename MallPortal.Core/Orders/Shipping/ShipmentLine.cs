using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>How many of an order line's units travel in this parcel.</summary>
public class ShipmentLine
{
    protected ShipmentLine()
    {
    }

    internal ShipmentLine(int orderLineId, int quantity) => (OrderLineId, Quantity) = (orderLineId, quantity);

    public int Id { get; private set; }

    public int ShipmentId { get; private set; }

    public int OrderLineId { get; private set; }

    public int Quantity { get; private set; }
}

internal sealed class ShipmentLineConfiguration : IEntityTypeConfiguration<ShipmentLine>
{
    public void Configure(EntityTypeBuilder<ShipmentLine> builder)
    {
        builder.ToTable("ShipmentLines");
        builder.HasIndex(l => l.OrderLineId);
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
