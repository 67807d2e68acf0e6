using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Risk;

public enum PaymentReviewStatus
{
    /// <summary>Waiting in the admin's queue; the payment's orders are not shown to their merchants.</summary>
    Pending,

    Released,

    /// <summary>Refunded in full and the orders cancelled (a refund the provider refused is retried by refusing again).</summary>
    Refused,
}

/// <summary>Why a payment was held.</summary>
[Flags]
public enum RiskSignals
{
    None = 0,
    LargePayment = 1,
    ShopLimit = 2,
    SharedDevice = 4,

    /// <summary>Paid while the buyer was stopped for too many attempts and had not confirmed the SMS code (at a cashier opened before).</summary>
    UnverifiedAttempts = 8,
}

/// <summary>A paid payment held by the risk rules (支付风控审核): the admin releases it to the merchants or refuses (refunds) it.</summary>
public class PaymentReview
{
    public const int NoteMaxLength = 200;

    protected PaymentReview()
    {
    }

    internal PaymentReview(int paymentId, RiskSignals signals, string detail, DateTime now) =>
        (PaymentId, Signals, Detail, HeldAt) = (paymentId, signals, detail[..Math.Min(detail.Length, RiskEvent.DetailMaxLength)], now);

    public int Id { get; private set; }

    public int PaymentId { get; private set; }

    public RiskSignals Signals { get; private set; }

    public string Detail { get; private set; } = "";

    public PaymentReviewStatus Status { get; private set; }

    public DateTime HeldAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public int? DecidedByUserId { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Release (a note is optional) or refuse (the reason the buyer reads is required); a second decision is refused.</summary>
    internal void Decide(bool release, string? note, int actorUserId, DateTime now)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > NoteMaxLength || (!release && note is null))
        {
            throw new DomainException(string.Format(CoreText.RiskRefuseReasonRequired, NoteMaxLength), nameof(Note));
        }
        if (Status != PaymentReviewStatus.Pending)
        {
            throw new DomainException(CoreText.RiskReviewDecided);
        }
        (Status, Note, DecidedByUserId, DecidedAt) = (release ? PaymentReviewStatus.Released : PaymentReviewStatus.Refused, note, actorUserId, now);
    }
}

internal sealed class PaymentReviewConfiguration : IEntityTypeConfiguration<PaymentReview>
{
    public void Configure(EntityTypeBuilder<PaymentReview> builder)
    {
        builder.HasIndex(r => r.PaymentId).IsUnique();
        builder.HasIndex(r => new { r.Status, r.HeldAt });
        builder.Property(r => r.Detail).HasMaxLength(RiskEvent.DetailMaxLength).IsRequired();
        // Several signals are stored as their names joined by commas.
        builder.Property(r => r.Signals).HasMaxLength(100);
        builder.Property(r => r.Note).HasMaxLength(PaymentReview.NoteMaxLength);
        // Two admins deciding at once: the second save finds the status moved.
        builder.Property(r => r.Status).IsConcurrencyToken();
        builder.HasOne<Payments.Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}
