using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>
/// 售后单: one buyer's claim on units of one order line, moving only through <see cref="AfterSaleTransitions"/>; every
/// step is a row of its timeline, and buyer, merchant and platform talk on it.
/// </summary>
public class AfterSale
{
    public const int DescriptionMaxLength = 300;
    public const int ReasonTextMaxLength = 200;
    public const int MaxPhotos = 6;

    private readonly List<AfterSaleEvent> _events = [];
    private readonly List<AfterSaleMessage> _messages = [];

    protected AfterSale()
    {
    }

    internal AfterSale(string number, Order order, OrderLine line, AfterSaleClaim claim, Money amount, IReadOnlyList<string> photos,
        DateTime now, DateTime merchantDueAt)
    {
        var description = (claim.Description ?? "").Trim();
        if (description.Length > DescriptionMaxLength || (claim.Reason == AfterSaleReason.Other && description.Length == 0))
        {
            throw new DomainException(string.Format(CoreText.AfterSaleDescriptionRequired, DescriptionMaxLength), nameof(Description));
        }
        (Number, OrderId, OrderLineId, ShopId, BuyerUserId) = (number, order.Id, line.Id, order.ShopId, order.BuyerUserId);
        (Type, Reason, Description, Quantity, Amount, Photos) = (claim.Type, claim.Reason, description, claim.Quantity, amount, string.Join('\n', photos));
        (Status, CreatedAt, DueAt) = (AfterSaleStatus.PendingMerchant, now, merchantDueAt);
        _events.Add(new AfterSaleEvent(null, Status, description.Length == 0 ? null : description, order.BuyerUserId, now));
    }

    public int Id { get; private set; }

    public string Number { get; private set; } = "";

    public int OrderId { get; private set; }

    public int OrderLineId { get; private set; }

    public int ShopId { get; private set; }

    public int BuyerUserId { get; private set; }

    public AfterSaleType Type { get; private set; }

    public AfterSaleReason Reason { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>The buyer's photos (file-store paths, one per line).</summary>
    public string Photos { get; private set; } = "";

    public int Quantity { get; private set; }

    /// <summary>What these units give back: their share of the line's paid amount, less what was refunded already.</summary>
    public Money Amount { get; private set; }

    public Money RefundedAmount { get; private set; }

    public AfterSaleStatus Status { get; private set; }

    /// <summary>The next deadline: the merchant's answer (then approved for it), or the buyer's return parcel (then closed).</summary>
    public DateTime? DueAt { get; private set; }

    public string? ReturnCarrierCode { get; private set; }

    public string? ReturnTrackingNumber { get; private set; }

    public string? ReturnAddress { get; private set; }

    /// <summary>The merchant's refusal (of the claim or of the returned goods), or the platform's ruling: both sides read it.</summary>
    public string? DecisionNote { get; private set; }

    public string RefusalPhotos { get; private set; } = "";

    public bool Restocked { get; private set; }

    public string? RefundNumber { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<AfterSaleEvent> Events => _events;

    public IReadOnlyList<AfterSaleMessage> Messages => _messages;

    public IReadOnlyList<string> PhotoPaths => Split(Photos);

    public IReadOnlyList<string> RefusalPhotoPaths => Split(RefusalPhotos);

    internal void ApproveReturn(string returnAddress, int? actorUserId, DateTime now, DateTime returnDueAt)
    {
        Move(AfterSaleTrigger.ApproveReturn, actorUserId, now, returnAddress);
        (ReturnAddress, DueAt) = (returnAddress, returnDueAt);
    }

    internal void Reject(string? reason, int actorUserId, DateTime now) => Move(AfterSaleTrigger.Reject, actorUserId, now, DecisionNote = Required(reason));

    internal void Withdraw(int actorUserId, DateTime now) => Move(AfterSaleTrigger.Withdraw, actorUserId, now, null);

    internal void Escalate(string? reason, int actorUserId, DateTime now) => Move(AfterSaleTrigger.Escalate, actorUserId, now, Required(reason));

    internal void ShipBack(string carrierCode, string trackingNumber, int actorUserId, DateTime now)
    {
        Move(AfterSaleTrigger.ShipBack, actorUserId, now, $"{Shipping.Carriers.NameOf(carrierCode)} {trackingNumber}");
        (ReturnCarrierCode, ReturnTrackingNumber) = (carrierCode, trackingNumber);
    }

    internal void ExpireReturn(DateTime now) => Move(AfterSaleTrigger.ExpireReturn, null, now, null);

    internal void RefuseReturn(string? reason, IReadOnlyList<string> photos, int actorUserId, DateTime now)
    {
        Move(AfterSaleTrigger.RefuseReturn, actorUserId, now, DecisionNote = Required(reason));
        RefusalPhotos = string.Join('\n', photos);
    }

    internal void Dismiss(string? reason, int actorUserId, DateTime now) => Move(AfterSaleTrigger.Dismiss, actorUserId, now, DecisionNote = Required(reason));

    /// <summary>The money went back (the whole claim, or what the platform ruled); <paramref name="restocked"/>: the returned goods are back on the shelf.</summary>
    internal void Refunded(string refundNumber, Money amount, bool restocked, string? note, int? actorUserId, DateTime now)
    {
        Move(AfterSaleTrigger.Refund, actorUserId, now, note ?? amount.ToString());
        (RefundNumber, RefundedAmount, Restocked) = (refundNumber, amount, restocked);
        if (note is not null)
        {
            DecisionNote = note;
        }
    }

    internal void KeepRefundNumber(string number) => (RefundNumber, Version) = (number, Version + 1);

    internal void Say(AfterSaleParty party, int userId, string? text, DateTime now)
    {
        text = (text ?? "").Trim();
        if (text.Length is 0 or > AfterSaleMessage.MaxLength)
        {
            throw new DomainException(string.Format(CoreText.AfterSaleMessageLength, AfterSaleMessage.MaxLength), "Message");
        }
        _messages.Add(new AfterSaleMessage(party, userId, text, now));
        Version++;
    }

    /// <summary>Checks the step against the table before anything (the gateway above all) is called.</summary>
    internal void Ensure(AfterSaleTrigger trigger) => AfterSaleTransitions.Next(Status, trigger);

    private void Move(AfterSaleTrigger trigger, int? actorUserId, DateTime now, string? note)
    {
        Status = AfterSaleTransitions.Next(Status, trigger);
        DueAt = null;
        if (!AfterSaleTransitions.IsOpen(Status))
        {
            ClosedAt = now;
        }
        Version++;
        _events.Add(new AfterSaleEvent(trigger, Status, note, actorUserId, now));
    }

    private static string Required(string? reason)
    {
        reason = (reason ?? "").Trim();
        return reason.Length is 0 or > ReasonTextMaxLength
            ? throw new DomainException(string.Format(CoreText.AfterSaleReasonRequired, ReasonTextMaxLength), "Reason")
            : reason;
    }

    private static string[] Split(string paths) => paths.Length == 0 ? [] : paths.Split('\n');
}

/// <summary>What the buyer asks for: type, reason, how many units, and in its own words.</summary>
public sealed record AfterSaleClaim(AfterSaleType Type, AfterSaleReason Reason, int Quantity, string? Description);

internal sealed class AfterSaleConfiguration : IEntityTypeConfiguration<AfterSale>
{
    public void Configure(EntityTypeBuilder<AfterSale> builder)
    {
        builder.Property(a => a.Number).HasMaxLength(32).IsRequired();
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.Description).HasMaxLength(AfterSale.DescriptionMaxLength).IsRequired();
        builder.Property(a => a.Photos).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.RefusalPhotos).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.ReturnCarrierCode).HasMaxLength(30);
        builder.Property(a => a.ReturnTrackingNumber).HasMaxLength(40);
        builder.Property(a => a.ReturnAddress).HasMaxLength(200);
        builder.Property(a => a.DecisionNote).HasMaxLength(AfterSale.ReasonTextMaxLength);
        builder.Property(a => a.RefundNumber).HasMaxLength(32);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.PhotoPaths);
        builder.Ignore(a => a.RefusalPhotoPaths);
        builder.HasIndex(a => new { a.ShopId, a.Status });
        builder.HasIndex(a => new { a.BuyerUserId, a.CreatedAt });
        builder.HasIndex(a => new { a.OrderLineId, a.Status });
        builder.HasIndex(a => new { a.Status, a.DueAt });
        builder.HasOne<Order>().WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(a => a.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.AfterSaleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Messages).WithOne().HasForeignKey(m => m.AfterSaleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
