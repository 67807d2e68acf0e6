using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders;

/// <summary>One row of an order's timeline (append-only).</summary>
public class OrderEvent
{
    protected OrderEvent()
    {
    }

    internal OrderEvent(OrderEventKind kind, OrderStatus statusAfter, string? note, int? actorUserId, DateTime at) =>
        (Kind, StatusAfter, Note, ActorUserId, At) = (kind, statusAfter, note, actorUserId, at);

    public long Id { get; private set; }

    public int OrderId { get; private set; }

    public OrderEventKind Kind { get; private set; }

    public OrderStatus StatusAfter { get; private set; }

    public string? Note { get; private set; }

    public int? ActorUserId { get; private set; }

    public DateTime At { get; private set; }
}

internal sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> builder)
    {
        builder.Property(e => e.Note).HasMaxLength(300);
        builder.HasIndex(e => new { e.OrderId, e.At });
    }
}
