using MallPortal.Core.Common;
using MallPortal.Core.Distribution.Risk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution.Commissions;

public enum CommissionStatus
{
    /// <summary>预估: the order is paid; the money may still go back.</summary>
    Estimated,

    /// <summary>冻结: the buyer has the goods; the after-sales window is running.</summary>
    Frozen,

    /// <summary>可提现: the window closed with no open after-sale or refund on the line.</summary>
    Settled,

    /// <summary>已失效: refunded in full (before settlement reversed, after it clawed back).</summary>
    Reversed,
}

/// <summary>
/// What one beneficiary earns at one level on one order line, with the rule it was paid under (base, rate, capped).
/// One row per (line, beneficiary, level), so a repeated payment event cannot create a second. Its money moves only
/// through <see cref="CommissionLedger"/>, which writes the entries the balances are the sum of.
/// </summary>
public class Commission
{
    protected Commission()
    {
    }

    public int Id { get; private set; }

    public int OrderId { get; private set; }

    public int OrderLineId { get; private set; }

    public int ShopId { get; private set; }

    public int DistributorId { get; private set; }

    public int Level { get; private set; }

    public long BaseFen { get; private set; }

    public int RateBp { get; private set; }

    /// <summary>The levels together passed the per-line cap and were scaled down to it.</summary>
    public bool Capped { get; private set; }

    public long AmountFen { get; private set; }

    /// <summary>Where the rate came from (shop, product override, grade); a fixed amount per unit when the product's rule set one.</summary>
    public CommissionSource Source { get; private set; }

    public long FixedPerUnitFen { get; private set; }

    /// <summary>The line's paid amount: a level-1 commission's line counts toward its distributor's settled sales (grades).</summary>
    public long LinePaidFen { get; private set; }

    /// <summary>How much refunds have taken back so far (never more than <see cref="AmountFen"/>).</summary>
    public long ReversedFen { get; private set; }

    public CommissionStatus Status { get; private set; }

    public DateTime EstimatedAt { get; private set; }

    public DateTime? FrozenAt { get; private set; }

    /// <summary>Receipt plus the after-sales window: from then the settle job may make it withdrawable.</summary>
    public DateTime? SettleAfter { get; private set; }

    public DateTime? SettledAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The abuse signals found at payment (decision 0010); any of them holds the commission for the admin's review.</summary>
    public CommissionRisk Risk { get; private set; }

    public CommissionHold Hold { get; private set; }

    /// <summary>The admin's reason when it was voided, or note when released.</summary>
    public string? HoldNote { get; private set; }

    public DateTime? HoldReviewedAt { get; private set; }

    public int? HoldReviewedByUserId { get; private set; }

    public bool IsHeld => Hold == CommissionHold.Held;

    public long NetFen => AmountFen - ReversedFen;

    /// <summary>Where this commission's money sits now.</summary>
    public CommissionBucket Bucket => Status switch
    {
        CommissionStatus.Estimated => CommissionBucket.Estimated,
        CommissionStatus.Frozen => CommissionBucket.Frozen,
        _ => CommissionBucket.Withdrawable,
    };

    internal static Commission Estimate(int orderId, int shopId, long linePaidFen, CommissionShare share, DateTime now) => new()
    {
        Source = share.Source, FixedPerUnitFen = share.FixedPerUnitFen, LinePaidFen = linePaidFen,
        OrderId = orderId, OrderLineId = share.OrderLineId, ShopId = shopId, DistributorId = share.DistributorId, Level = share.Level,
        BaseFen = share.BaseFen, RateBp = share.Rate.Value, Capped = share.Capped, AmountFen = share.AmountFen,
        Status = CommissionStatus.Estimated, EstimatedAt = now,
    };

    /// <summary>Abuse signals were found: the commission waits for the admin before it can settle.</summary>
    internal void HoldFor(CommissionRisk risk)
    {
        if (risk != CommissionRisk.None)
        {
            (Risk, Hold) = (risk, CommissionHold.Held);
        }
    }

    /// <summary>The admin's decision on a held commission: released (settles as usual) or voided (the caller reverses what is left).</summary>
    internal void Review(bool release, string? note, int adminUserId, DateTime now)
    {
        if (!IsHeld)
        {
            throw new DomainException(Resources.CoreText.CommissionHoldDecided);
        }
        (Hold, HoldNote, HoldReviewedAt, HoldReviewedByUserId) = (release ? CommissionHold.Released : CommissionHold.Voided, note, now, adminUserId);
        Version++;
    }

    internal void Freeze(DateTime now, DateTime settleAfter)
    {
        if (Status == CommissionStatus.Estimated)
        {
            (Status, FrozenAt, SettleAfter) = (CommissionStatus.Frozen, now, settleAfter);
            Version++;
        }
    }

    internal void Settle(DateTime now)
    {
        if (Status != CommissionStatus.Frozen)
        {
            throw new InvalidOperationException($"Commission {Id} is {Status}, not frozen.");
        }
        (Status, SettledAt) = (CommissionStatus.Settled, now);
        Version++;
    }

    /// <summary>Refunds brought the reversed share to <paramref name="reversedFen"/>; returns what is taken back now.</summary>
    internal long ReverseTo(long reversedFen)
    {
        var delta = Math.Clamp(reversedFen, ReversedFen, AmountFen) - ReversedFen;
        ReversedFen += delta;
        if (ReversedFen == AmountFen)
        {
            Status = CommissionStatus.Reversed;
        }
        Version++;
        return delta;
    }
}

internal sealed class CommissionConfiguration : IEntityTypeConfiguration<Commission>
{
    public void Configure(EntityTypeBuilder<Commission> builder)
    {
        builder.HasIndex(c => new { c.OrderLineId, c.DistributorId, c.Level }).IsUnique();
        builder.HasIndex(c => new { c.DistributorId, c.EstimatedAt });
        builder.HasIndex(c => new { c.Status, c.SettleAfter });
        builder.HasIndex(c => c.OrderId);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.NetFen);
        builder.Ignore(c => c.Bucket);
        builder.Ignore(c => c.IsHeld);
        builder.Property(c => c.Risk).HasMaxLength(120);
        builder.Property(c => c.HoldNote).HasMaxLength(200);
        builder.HasIndex(c => c.Hold);
        builder.HasOne<Orders.Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Orders.OrderLine>().WithMany().HasForeignKey(c => c.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Distributor>().WithMany().HasForeignKey(c => c.DistributorId).OnDelete(DeleteBehavior.Restrict);
    }
}
