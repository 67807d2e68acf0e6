using MallPortal.Core.Common;

namespace MallPortal.Core.Orders;

/// <summary>One shop's shipping fee for one order: its flat fee, or nothing once the items reach its free-shipping amount.</summary>
public static class ShippingFeePolicy
{
    public static Money For(Money itemsTotal, Money flatFee, Money? freeOver) =>
        freeOver is { } threshold && itemsTotal >= threshold ? Money.Zero : flatFee;
}
