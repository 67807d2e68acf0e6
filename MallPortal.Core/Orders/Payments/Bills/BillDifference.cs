using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Payments.Bills;

public enum BillDifferenceKind
{
    /// <summary>长款: the provider has the payment, the shop has not marked it paid.</summary>
    PaidOnlyAtGateway,

    /// <summary>短款: the shop marked it paid, the provider's bill does not have it.</summary>
    PaidOnlyHere,

    PaymentAmountDiffers,

    /// <summary>The provider paid a refund the shop has no record of having paid.</summary>
    RefundOnlyAtGateway,

    /// <summary>The shop counts a refund as paid back that the provider's bill does not have.</summary>
    RefundOnlyHere,

    RefundAmountDiffers,
}

public enum BillDifferenceStatus
{
    Open,

    /// <summary>A payment the provider had: settled by asking the provider (主动查单), nothing for a person to do.</summary>
    Repaired,

    /// <summary>A person looked into it and recorded what was done.</summary>
    Resolved,
}

/// <summary>One line where a provider's bill and the shop's books disagree, until someone records what was done about it.</summary>
public class BillDifference
{
    public const int NoteMaxLength = 200;

    protected BillDifference()
    {
    }

    internal BillDifference(int billId, BillDifferenceKind kind, string paymentNumber, string? refundNumber, long? gatewayFen, long? localFen) =>
        (BillId, Kind, PaymentNumber, RefundNumber, GatewayFen, LocalFen) = (billId, kind, paymentNumber, refundNumber, gatewayFen, localFen);

    public int Id { get; private set; }

    public int BillId { get; private set; }

    public BillDifferenceKind Kind { get; private set; }

    public string PaymentNumber { get; private set; } = "";

    public string? RefundNumber { get; private set; }

    public long? GatewayFen { get; private set; }

    public long? LocalFen { get; private set; }

    public BillDifferenceStatus Status { get; private set; }

    public string? Note { get; private set; }

    public int? ResolvedByUserId { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    internal void Repaired(DateTime now) => (Status, Note, ResolvedAt) = (BillDifferenceStatus.Repaired, CoreText.BillRepairedNote, now);

    /// <summary>What was done (a transfer, a note from the provider's support); required, and once.</summary>
    internal void Resolve(string? note, int actorUserId, DateTime now)
    {
        note = note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > NoteMaxLength)
        {
            throw new DomainException(string.Format(CoreText.BillResolveNoteRequired, NoteMaxLength), nameof(Note));
        }
        if (Status != BillDifferenceStatus.Open)
        {
            throw new DomainException(CoreText.BillDifferenceClosed);
        }
        (Status, Note, ResolvedByUserId, ResolvedAt) = (BillDifferenceStatus.Resolved, note, actorUserId, now);
    }
}

internal sealed class BillDifferenceConfiguration : IEntityTypeConfiguration<BillDifference>
{
    public void Configure(EntityTypeBuilder<BillDifference> builder)
    {
        builder.Property(d => d.PaymentNumber).HasMaxLength(64).IsRequired();
        builder.Property(d => d.RefundNumber).HasMaxLength(64);
        builder.Property(d => d.Note).HasMaxLength(BillDifference.NoteMaxLength);
        builder.Property(d => d.Status).IsConcurrencyToken();
        builder.HasIndex(d => new { d.Status, d.BillId });
        builder.HasOne<PaymentBill>().WithMany().HasForeignKey(d => d.BillId).OnDelete(DeleteBehavior.Cascade);
    }
}
