using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>One row of a case's timeline (append-only): the step, the state after it, a note, who, when.</summary>
public class AfterSaleEvent
{
    protected AfterSaleEvent()
    {
    }

    internal AfterSaleEvent(AfterSaleTrigger? trigger, AfterSaleStatus statusAfter, string? note, int? actorUserId, DateTime at) =>
        (Trigger, StatusAfter, Note, ActorUserId, At) = (trigger, statusAfter, note, actorUserId, at);

    public long Id { get; private set; }

    public int AfterSaleId { get; private set; }

    /// <summary>Null on the first row: the buyer's application rather than a step.</summary>
    public AfterSaleTrigger? Trigger { get; private set; }

    public AfterSaleStatus StatusAfter { get; private set; }

    public string? Note { get; private set; }

    public int? ActorUserId { get; private set; }

    public DateTime At { get; private set; }
}

internal sealed class AfterSaleEventConfiguration : IEntityTypeConfiguration<AfterSaleEvent>
{
    public void Configure(EntityTypeBuilder<AfterSaleEvent> builder) => builder.Property(e => e.Note).HasMaxLength(300);
}
