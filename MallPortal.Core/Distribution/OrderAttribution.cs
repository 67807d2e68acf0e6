using MallPortal.Core.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution;

/// <summary>
/// Who brought an order, frozen when it was placed: the distributor, its upline at that moment (up to the platform's
/// depth), the link and the channel. Later moves in the tree or of the binding never change an old order.
/// </summary>
public class OrderAttribution
{
    protected OrderAttribution()
    {
    }

    public int Id { get; private set; }

    public int OrderId { get; private set; }

    public Order Order { get; private set; } = default!;

    public int DistributorId { get; private set; }

    /// <summary>Level 2 (the distributor's parent at placement), if the platform's depth reaches it.</summary>
    public int? Level2DistributorId { get; private set; }

    public int? Level3DistributorId { get; private set; }

    public int? LinkId { get; private set; }

    public ShareChannel? Channel { get; private set; }

    /// <summary>The shop had kept this distributor from its commission when the order was placed.</summary>
    public bool ShopBlocked { get; private set; }

    public DateTime AttributedAt { get; private set; }

    internal static OrderAttribution Snapshot(Order order, int distributorId, IReadOnlyList<int> upline, int? linkId, ShareChannel? channel,
        bool shopBlocked, DateTime now) =>
        new()
        {
            ShopBlocked = shopBlocked,
            Order = order, DistributorId = distributorId, Level2DistributorId = upline.Count > 0 ? upline[0] : null,
            Level3DistributorId = upline.Count > 1 ? upline[1] : null, LinkId = linkId, Channel = channel, AttributedAt = now,
        };
}

internal sealed class OrderAttributionConfiguration : IEntityTypeConfiguration<OrderAttribution>
{
    public void Configure(EntityTypeBuilder<OrderAttribution> builder)
    {
        builder.HasIndex(a => a.OrderId).IsUnique();
        builder.HasIndex(a => new { a.DistributorId, a.AttributedAt });
        builder.HasIndex(a => a.LinkId);
        builder.HasOne(a => a.Order).WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Distributor>().WithMany().HasForeignKey(a => a.DistributorId).OnDelete(DeleteBehavior.Restrict);
    }
}
