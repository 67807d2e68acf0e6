using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders;

/// <summary>A cart changed: its badge and open cart pages reload.</summary>
public sealed record CartChanged(int? UserId, string? GuestToken);

public sealed record CartView(IReadOnlyList<CartShop> Shops)
{
    public IEnumerable<CartLine> Lines => Shops.SelectMany(s => s.Items);

    public IEnumerable<CartLine> Buyable => Lines.Where(l => l.Selected && l.Problem is null);

    public Money SelectedTotal => new(Buyable.Sum(l => l.Amount.Fen));

    public int SelectedCount => Buyable.Sum(l => l.Quantity);

    public IReadOnlyList<CheckoutLine> ToCheckout() => Buyable.Select(l => new CheckoutLine(l.SkuId, l.Quantity)).ToList();
}

public sealed record CartShop(int ShopId, string ShopName, IReadOnlyList<CartLine> Items);

public sealed record CartLine(int ItemId, int SkuId, int ProductId, string Title, string SpecText, string? ImagePath, Money Price, Money PriceWhenAdded,
    int Quantity, int Available, bool OnSale, bool Selected)
{
    public Money Amount => Price * Quantity;

    /// <summary>Positive when it costs more now than when it was added.</summary>
    public Money PriceChange => Price - PriceWhenAdded;

    public string? Problem => !OnSale ? CoreText.CartItemOffShelf
        : Available == 0 ? CoreText.CartItemSoldOut
        : Quantity > Available ? string.Format(CoreText.OnlyNLeft, Available)
        : null;
}
