using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Inventory;

/// <summary>An inbound note (入库单): stock received for several SKUs at once, from a supplier.</summary>
public class InboundNote
{
    private readonly List<InboundLine> _lines = [];

    protected InboundNote()
    {
    }

    public InboundNote(int shopId, string number, string? supplier, string? note, int actorUserId, DateTime createdAt, IEnumerable<StockLine> lines)
    {
        (ShopId, Number, Supplier, Note, ActorUserId, CreatedAt) = (shopId, number, supplier?.Trim() ?? "", note?.Trim() ?? "", actorUserId, createdAt);
        _lines.AddRange(lines.Select(l => new InboundLine(l.SkuId, l.Quantity)));
    }

    public int Id { get; private set; }

    public int ShopId { get; private set; }

    public string Number { get; private set; } = "";

    public string Supplier { get; private set; } = "";

    public string Note { get; private set; } = "";

    public int ActorUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<InboundLine> Lines => _lines;
}

public class InboundLine
{
    protected InboundLine()
    {
    }

    internal InboundLine(int skuId, int quantity) => (SkuId, Quantity) = (skuId, quantity);

    public int Id { get; private set; }

    public int InboundNoteId { get; private set; }

    public int SkuId { get; private set; }

    public int Quantity { get; private set; }
}

internal sealed class InboundNoteConfiguration : IEntityTypeConfiguration<InboundNote>
{
    public void Configure(EntityTypeBuilder<InboundNote> builder)
    {
        builder.Property(n => n.Number).HasMaxLength(32).IsRequired();
        builder.Property(n => n.Supplier).HasMaxLength(60).IsRequired();
        builder.Property(n => n.Note).HasMaxLength(200).IsRequired();
        builder.HasIndex(n => n.Number).IsUnique();
        builder.HasIndex(n => new { n.ShopId, n.CreatedAt });
        builder.HasMany(n => n.Lines).WithOne().HasForeignKey(l => l.InboundNoteId).OnDelete(DeleteBehavior.Cascade);
    }
}
