using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.Number).HasMaxLength(24).IsRequired();
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.PaymentMethod).HasMaxLength(20).IsRequired();
        builder.Property(o => o.Note).HasMaxLength(Order.NoteMaxLength).IsRequired();
        builder.Property(o => o.RecipientName).HasMaxLength(20).IsRequired();
        builder.Property(o => o.RecipientMobile).HasMaxLength(20).IsRequired();
        builder.Property(o => o.RecipientProvince).HasMaxLength(20).IsRequired();
        builder.Property(o => o.RecipientCity).HasMaxLength(30).IsRequired();
        builder.Property(o => o.RecipientDistrict).HasMaxLength(40).IsRequired();
        builder.Property(o => o.RecipientStreet).HasMaxLength(200).IsRequired();
        builder.Ignore(o => o.Recipient);
        builder.Ignore(o => o.ShippingAddress);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.IsCashOnDelivery);
        builder.Ignore(o => o.Total);
        builder.Ignore(o => o.PendingSteps);
        builder.HasIndex(o => new { o.BuyerUserId, o.Status, o.PlacedAt });
        builder.HasIndex(o => new { o.ShopId, o.Status, o.PlacedAt });
        builder.HasIndex(o => new { o.Status, o.PayBy });
        builder.HasIndex(o => new { o.Status, o.ReceiveBy });
        // Analytics: a day's paid orders, and a period's distinct buyers per shop or platform-wide, from the index alone.
        builder.HasIndex(o => new { o.PaidAt, o.BuyerUserId });
        builder.HasIndex(o => new { o.ShopId, o.PaidAt, o.BuyerUserId });
        builder.HasOne(o => o.Payment).WithMany().HasForeignKey(o => o.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Catalog.Shop>().WithMany().HasForeignKey(o => o.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(o => o.BuyerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Events).WithOne().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
