using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Settlement;

/// <summary>A shop's balances: 待结算, 可提现 (may go below zero after a refund of a settled order), 提现中, 已提现.</summary>
public enum SettlementBucket
{
    Pending,
    Withdrawable,
    Withdrawing,
    Withdrawn,
}

public enum SettlementEntryKind
{
    /// <summary>A paid line's amount (after discounts), into 待结算.</summary>
    Sale,

    /// <summary>The order's shipping fee, into 待结算 (the merchant ships).</summary>
    Shipping,

    /// <summary>The platform's service fee on a line, out of the receivable.</summary>
    ServiceFee,

    /// <summary>Commission the shop funds on a line, out of the receivable.</summary>
    Commission,

    /// <summary>A refunded amount, out of the receivable.</summary>
    Refund,

    /// <summary>The refunded share of the service fee, back to the shop.</summary>
    ServiceFeeReturned,

    /// <summary>The refunded share of a commission, back to the shop.</summary>
    CommissionReturned,

    /// <summary>The after-sales window closed: 待结算 → 可提现.</summary>
    Settled,

    WithdrawalRequested,

    WithdrawalPaid,

    WithdrawalReturned,
}

/// <summary>
/// One line of a shop's settlement ledger (append-only), by order and line where it has one. Like the commission ledger,
/// an amount moves From → To (null: outside); the shop's balances are the sums, checked by the funds reconciliation.
/// </summary>
public class SettlementEntry
{
    protected SettlementEntry()
    {
    }

    internal SettlementEntry(int shopId, int? orderId, int? orderLineId, int? withdrawalId, SettlementEntryKind kind, SettlementBucket? from,
        SettlementBucket? to, long amountFen, DateTime at) =>
        (ShopId, OrderId, OrderLineId, WithdrawalId, Kind, From, To, AmountFen, At) = (shopId, orderId, orderLineId, withdrawalId, kind, from, to, amountFen, at);

    public long Id { get; private set; }

    public int ShopId { get; private set; }

    public int? OrderId { get; private set; }

    public int? OrderLineId { get; private set; }

    /// <summary>The withdrawal (Distribution's) this entry pays out; a plain id so Orders references no other module's type.</summary>
    public int? WithdrawalId { get; private set; }

    public SettlementEntryKind Kind { get; private set; }

    public SettlementBucket? From { get; private set; }

    public SettlementBucket? To { get; private set; }

    public long AmountFen { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>What this entry adds to the shop's receivable on its order (positive in, negative out).</summary>
    public long SignedFen => (To is null ? -AmountFen : 0) + (From is null ? AmountFen : 0);
}

internal sealed class SettlementEntryConfiguration : IEntityTypeConfiguration<SettlementEntry>
{
    public void Configure(EntityTypeBuilder<SettlementEntry> builder)
    {
        builder.HasIndex(e => new { e.ShopId, e.At });
        builder.HasIndex(e => new { e.OrderId, e.Kind });
        builder.HasIndex(e => e.OrderLineId);
        builder.Ignore(e => e.SignedFen);
        builder.HasOne<Catalog.Shop>().WithMany().HasForeignKey(e => e.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
