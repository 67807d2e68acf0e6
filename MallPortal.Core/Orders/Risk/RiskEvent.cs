using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Risk;

/// <summary>The risk rules; each hit is one <see cref="RiskEvent"/>.</summary>
public enum RiskRule
{
    /// <summary>A payment above the platform's review line.</summary>
    LargePayment,

    /// <summary>A shop's order above that shop's own line.</summary>
    ShopLimit,

    /// <summary>Too many payment attempts from one account, device or network in the window.</summary>
    RapidAttempts,

    /// <summary>Several accounts paying from one device or network.</summary>
    SharedDevice,

    /// <summary>Buyer and promoting distributor share a phone, an address or a device (a commission is held).</summary>
    SharedWithDistributor,
}

/// <summary>What followed a hit, or what the admin decided.</summary>
public enum RiskAction
{
    /// <summary>The payment waits in the review queue; its orders do not reach the merchant.</summary>
    Held,

    /// <summary>A payment attempt was stopped until the buyer confirms an SMS code.</summary>
    Blocked,

    /// <summary>The buyer confirmed the SMS code; attempts count afresh.</summary>
    Verified,

    /// <summary>The admin released a held payment.</summary>
    Released,

    /// <summary>The admin refused a held payment: refunded, orders cancelled.</summary>
    Refused,

    /// <summary>A commission was held for the admin's commission review.</summary>
    CommissionHeld,
}

/// <summary>One line of the risk log (风险事件): a rule's hit or an admin's decision, kept for good.</summary>
public class RiskEvent
{
    public const int DetailMaxLength = 200;

    protected RiskEvent()
    {
    }

    internal RiskEvent(RiskRule? rule, RiskAction action, int? userId, string? paymentNumber, string? orderNumber, string detail, int? actorUserId,
        DateTime at) =>
        (Rule, Action, UserId, PaymentNumber, OrderNumber, Detail, ActorUserId, At) =
        (rule, action, userId, paymentNumber, orderNumber, detail[..Math.Min(detail.Length, DetailMaxLength)], actorUserId, at);

    public long Id { get; private set; }

    /// <summary>Null for an admin's decision on a held payment.</summary>
    public RiskRule? Rule { get; private set; }

    public RiskAction Action { get; private set; }

    /// <summary>The buyer concerned.</summary>
    public int? UserId { get; private set; }

    public string? PaymentNumber { get; private set; }

    public string? OrderNumber { get; private set; }

    public string Detail { get; private set; } = "";

    /// <summary>The admin who decided, for decisions.</summary>
    public int? ActorUserId { get; private set; }

    public DateTime At { get; private set; }
}

internal sealed class RiskEventConfiguration : IEntityTypeConfiguration<RiskEvent>
{
    public void Configure(EntityTypeBuilder<RiskEvent> builder)
    {
        builder.Property(e => e.PaymentNumber).HasMaxLength(32);
        builder.Property(e => e.OrderNumber).HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(RiskEvent.DetailMaxLength).IsRequired();
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Rule, e.At });
        builder.HasIndex(e => new { e.UserId, e.Action, e.At });
    }
}
