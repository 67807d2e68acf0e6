using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders;

public enum RefundStatus
{
    Requested,
    Rejected,
    Refunded,

    /// <summary>The buyer took the request back before the merchant decided.</summary>
    Withdrawn,
}

/// <summary>Where the money of a decided refund stands at the payment provider.</summary>
public enum RefundGatewayState
{
    /// <summary>No provider money: cash on delivery, or nothing was paid.</summary>
    None,

    /// <summary>The provider accepted it and is paying it back.</summary>
    Processing,

    Succeeded,

    /// <summary>The provider could not pay it back (a closed card, an abnormal account): the platform settles it by hand.</summary>
    Failed,

    /// <summary>A failed one the platform paid back another way (bank transfer, cash), with its note.</summary>
    PaidByHand,
}

/// <summary>
/// A buyer's request to cancel a paid order before shipment, with the amount per order line. The merchant approves
/// (the gateway refunds, stock goes back, the order is cancelled) or rejects with a reason.
/// </summary>
public class Refund
{
    public const int ReasonMaxLength = 200;

    public const int HandNoteMaxLength = 100;

    private readonly List<RefundLine> _lines = [];

    protected Refund()
    {
    }

    internal Refund(string number, Order order, string? reason, DateTime now)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length is 0 or > ReasonMaxLength)
        {
            throw new DomainException(string.Format(CoreText.RefundReasonRequired, ReasonMaxLength), nameof(Reason));
        }
        (Number, OrderId, ShopId, BuyerUserId, Reason, RequestedAt) = (number, order.Id, order.ShopId, order.BuyerUserId, reason, now);
        // Money actually received is returned: the whole order (items and shipping) for a paid order, nothing for cash on delivery.
        Amount = order.PaidAt is null ? Money.Zero : order.Total;
        var parts = Amount.Allocate(order.Lines.Select(l => l.Amount.Fen).ToList());
        _lines.AddRange(order.Lines.Select((l, i) => new RefundLine(l.Id, l.Quantity, parts[i])));
    }

    /// <summary>An after-sale refund of some units of one line, already paid back when it is written.</summary>
    internal static Refund ForAfterSale(string number, Order order, int orderLineId, int quantity, Money amount, string reason, GatewayRefundResult? paid,
        int? actorUserId, DateTime now)
    {
        var refund = new Refund
        {
            Number = number, OrderId = order.Id, ShopId = order.ShopId, BuyerUserId = order.BuyerUserId, Reason = reason, RequestedAt = now,
            Amount = amount, Status = RefundStatus.Refunded, DecidedAt = now, DecidedByUserId = actorUserId,
        };
        refund.Paid(paid, now);
        refund._lines.Add(new RefundLine(orderLineId, quantity, amount));
        return refund;
    }

    public int Id { get; private set; }

    public string Number { get; private set; } = "";

    public int OrderId { get; private set; }

    public int ShopId { get; private set; }

    public int BuyerUserId { get; private set; }

    public Money Amount { get; private set; }

    public string Reason { get; private set; } = "";

    public RefundStatus Status { get; private set; }

    public string? RejectReason { get; private set; }

    public string? GatewayRefundNo { get; private set; }

    public RefundGatewayState GatewayState { get; private set; }

    /// <summary>When the provider's money reached its end (succeeded or failed), or the platform paid a failed one by hand.</summary>
    public DateTime? GatewaySettledAt { get; private set; }

    /// <summary>How the platform paid a failed refund back (a transfer's reference), and who recorded it.</summary>
    public string? HandNote { get; private set; }

    public int? HandSettledByUserId { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public int? DecidedByUserId { get; private set; }

    public IReadOnlyList<RefundLine> Lines => _lines;

    internal void Reject(string? reason, int actorUserId, DateTime now)
    {
        EnsureOpen();
        reason = (reason ?? "").Trim();
        if (reason.Length is 0 or > ReasonMaxLength)
        {
            throw new DomainException(string.Format(CoreText.RejectReasonRequired, ReasonMaxLength), nameof(RejectReason));
        }
        (Status, RejectReason, DecidedAt, DecidedByUserId) = (RefundStatus.Rejected, reason, now, actorUserId);
    }

    internal void Withdraw(int actorUserId, DateTime now)
    {
        EnsureOpen();
        (Status, DecidedAt, DecidedByUserId) = (RefundStatus.Withdrawn, now, actorUserId);
    }

    /// <summary>Approved: refunded by the provider's answer (<paramref name="paid"/>; null when no provider money is involved).</summary>
    internal void Complete(GatewayRefundResult? paid, int actorUserId, DateTime now)
    {
        EnsureOpen();
        (Status, DecidedAt, DecidedByUserId) = (RefundStatus.Refunded, now, actorUserId);
        Paid(paid, now);
    }

    /// <summary>A processing refund's end, from the provider's notification or query; false when there was nothing to change.</summary>
    internal bool Settle(GatewayRefundState state, string? gatewayRefundNo, DateTime now)
    {
        if (GatewayState != RefundGatewayState.Processing || state == GatewayRefundState.Processing)
        {
            return false;
        }
        (GatewayState, GatewaySettledAt) = (state == GatewayRefundState.Succeeded ? RefundGatewayState.Succeeded : RefundGatewayState.Failed, now);
        GatewayRefundNo ??= gatewayRefundNo;
        return true;
    }

    internal void PaidByHand(string? note, int actorUserId, DateTime now)
    {
        if (GatewayState != RefundGatewayState.Failed)
        {
            throw new DomainException(CoreText.RefundNotFailed, nameof(GatewayState));
        }
        note = (note ?? "").Trim();
        if (note.Length is 0 or > HandNoteMaxLength)
        {
            throw new DomainException(string.Format(CoreText.RefundHandNoteRequired, HandNoteMaxLength), nameof(HandNote));
        }
        (GatewayState, HandNote, HandSettledByUserId, GatewaySettledAt) = (RefundGatewayState.PaidByHand, note, actorUserId, now);
    }

    private void Paid(GatewayRefundResult? paid, DateTime now)
    {
        GatewayRefundNo = paid?.GatewayRefundNo;
        (GatewayState, GatewaySettledAt) = paid?.State switch
        {
            null => (RefundGatewayState.None, (DateTime?)null),
            GatewayRefundState.Processing => (RefundGatewayState.Processing, null),
            _ => (RefundGatewayState.Succeeded, now),
        };
    }

    /// <summary>Refused once decided or withdrawn: checked before anything reaches the gateway.</summary>
    internal void EnsureOpen()
    {
        if (Status != RefundStatus.Requested)
        {
            throw new DomainException(CoreText.RefundAlreadyDecided, nameof(Status));
        }
    }
}

public class RefundLine
{
    protected RefundLine()
    {
    }

    internal RefundLine(int orderLineId, int quantity, Money amount) => (OrderLineId, Quantity, Amount) = (orderLineId, quantity, amount);

    public int Id { get; private set; }

    public int RefundId { get; private set; }

    public int OrderLineId { get; private set; }

    public int Quantity { get; private set; }

    public Money Amount { get; private set; }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(32).IsRequired();
        builder.HasIndex(r => r.Number).IsUnique();
        builder.Property(r => r.Reason).HasMaxLength(Refund.ReasonMaxLength).IsRequired();
        builder.Property(r => r.RejectReason).HasMaxLength(Refund.ReasonMaxLength);
        builder.Property(r => r.GatewayRefundNo).HasMaxLength(64);
        builder.Property(r => r.HandNote).HasMaxLength(Refund.HandNoteMaxLength);
        builder.HasIndex(r => new { r.ShopId, r.Status });
        builder.HasIndex(r => r.GatewayState);
        builder.HasIndex(r => r.OrderId);
        builder.HasIndex(r => new { r.Status, r.DecidedAt });
        builder.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RefundId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RefundLineConfiguration : IEntityTypeConfiguration<RefundLine>
{
    public void Configure(EntityTypeBuilder<RefundLine> builder) =>
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
}
