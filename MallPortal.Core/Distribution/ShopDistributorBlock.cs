using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution;

/// <summary>A merchant keeping one distributor from its shop's commission; lifting it keeps the row (recorded, reversible).</summary>
public class ShopDistributorBlock
{
    protected ShopDistributorBlock()
    {
    }

    public int Id { get; private set; }

    public int ShopId { get; private set; }

    public int DistributorId { get; private set; }

    public string Reason { get; private set; } = "";

    public int BlockedByUserId { get; private set; }

    public DateTime BlockedAt { get; private set; }

    public DateTime? LiftedAt { get; private set; }

    public bool IsActive => LiftedAt is null;

    internal static ShopDistributorBlock Create(int shopId, int distributorId, string reason, int userId, DateTime now) =>
        new() { ShopId = shopId, DistributorId = distributorId, Reason = reason, BlockedByUserId = userId, BlockedAt = now };

    internal void Lift(DateTime now) => LiftedAt = now;
}

internal sealed class ShopDistributorBlockConfiguration : IEntityTypeConfiguration<ShopDistributorBlock>
{
    public void Configure(EntityTypeBuilder<ShopDistributorBlock> builder)
    {
        builder.Property(b => b.Reason).HasMaxLength(200).IsRequired();
        builder.Ignore(b => b.IsActive);
        builder.HasIndex(b => new { b.ShopId, b.DistributorId });
    }
}
