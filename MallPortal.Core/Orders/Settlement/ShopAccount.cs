using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Settlement;

/// <summary>A shop's settlement balances, moved only by <see cref="ShopLedger"/> (relative updates, each with its entries).</summary>
public class ShopAccount
{
    protected ShopAccount()
    {
    }

    internal ShopAccount(int shopId) => ShopId = shopId;

    public int ShopId { get; private set; }

    public long PendingFen { get; private set; }

    public long WithdrawableFen { get; private set; }

    public long WithdrawingFen { get; private set; }

    public long WithdrawnFen { get; private set; }
}

internal sealed class ShopAccountConfiguration : IEntityTypeConfiguration<ShopAccount>
{
    public void Configure(EntityTypeBuilder<ShopAccount> builder)
    {
        builder.HasKey(a => a.ShopId);
        builder.Property(a => a.ShopId).ValueGeneratedNever();
        builder.HasOne<Catalog.Shop>().WithOne().HasForeignKey<ShopAccount>(a => a.ShopId).OnDelete(DeleteBehavior.Cascade);
    }
}
