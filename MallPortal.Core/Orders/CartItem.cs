using MallPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders;

/// <summary>One SKU in a signed-in user's cart or in a guest's cart (kept by a random token in the browser).</summary>
public class CartItem
{
    public const int MaxQuantity = 999;

    protected CartItem()
    {
    }

    internal CartItem(CartOwner owner, int skuId, int quantity, Money price, DateTime now)
    {
        (UserId, GuestToken, SkuId, PriceWhenAdded, AddedAt, Selected) = (owner.UserId, owner.GuestToken, skuId, price, now, true);
        SetQuantity(quantity);
    }

    public int Id { get; private set; }

    public int? UserId { get; private set; }

    public string? GuestToken { get; private set; }

    public int SkuId { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>The selling price when it was put in the cart, so a change since can be shown.</summary>
    public Money PriceWhenAdded { get; private set; }

    public bool Selected { get; private set; }

    public DateTime AddedAt { get; private set; }

    internal void SetQuantity(int quantity) => Quantity = Math.Clamp(quantity, 1, MaxQuantity);

    internal void Select(bool selected) => Selected = selected;

    internal void MoveTo(int userId) => (UserId, GuestToken) = (userId, null);
}

/// <summary>Whose cart: a user, or a guest's browser token.</summary>
public sealed record CartOwner(int? UserId, string? GuestToken)
{
    public static CartOwner User(int userId) => new(userId, null);

    public static CartOwner Guest(string token) => new(null, token);
}

internal sealed class CartItemConfiguration : IEntityTypeConfiguration<CartItem>
{
    public void Configure(EntityTypeBuilder<CartItem> builder)
    {
        builder.Property(c => c.GuestToken).HasMaxLength(40);
        builder.HasIndex(c => new { c.UserId, c.SkuId }).IsUnique();
        builder.HasIndex(c => new { c.GuestToken, c.SkuId }).IsUnique();
        builder.HasOne<Catalog.ProductSku>().WithMany().HasForeignKey(c => c.SkuId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
