using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Settlement;

/// <summary>
/// Where one paid order's receivable stands: 待结算 until its after-sales window closes after receipt, then 已结算
/// (withdrawable). Later changes to the order (a refund, a commission reversal) move money in the bucket it is in.
/// </summary>
public class OrderSettlement
{
    protected OrderSettlement()
    {
    }

    internal OrderSettlement(int orderId, int shopId, int serviceFeeBp, DateTime paidAt) =>
        (OrderId, ShopId, ServiceFeeBp, PaidAt) = (orderId, shopId, serviceFeeBp, paidAt);

    public int OrderId { get; private set; }

    public int ShopId { get; private set; }

    /// <summary>The platform's fee rate when the order was paid (the order keeps it).</summary>
    public int ServiceFeeBp { get; private set; }

    public DateTime PaidAt { get; private set; }

    public DateTime? ReceivedAt { get; private set; }

    public DateTime? SettledAt { get; private set; }

    public SettlementBucket Bucket => SettledAt is null ? SettlementBucket.Pending : SettlementBucket.Withdrawable;

    internal void Received(DateTime at) => ReceivedAt ??= at;

    internal void Settle(DateTime at) => SettledAt ??= at;
}

internal sealed class OrderSettlementConfiguration : IEntityTypeConfiguration<OrderSettlement>
{
    public void Configure(EntityTypeBuilder<OrderSettlement> builder)
    {
        builder.HasKey(s => s.OrderId);
        builder.Property(s => s.OrderId).ValueGeneratedNever();
        builder.Ignore(s => s.Bucket);
        builder.HasIndex(s => new { s.ShopId, s.PaidAt });
        builder.HasIndex(s => new { s.SettledAt, s.ReceivedAt });
        builder.HasOne<Order>().WithOne().HasForeignKey<OrderSettlement>(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
