using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Catalog;

/// <summary>The price rules of a SKU, and the discount as Chinese shoppers read it ("8.5折").</summary>
public static class PricePolicy
{
    /// <summary>Price above zero; a promotion above zero and below the price; a cost not negative.</summary>
    public static void Validate(Money price, Money? promotion, Money? cost)
    {
        if (price.Fen <= 0)
        {
            throw new DomainException(CoreText.PriceMustBePositive, "Price");
        }
        if (promotion is { } promo && (promo.Fen <= 0 || promo >= price))
        {
            throw new DomainException(CoreText.PromotionBelowPrice, "PromotionPrice");
        }
        if (cost is { Fen: < 0 })
        {
            throw new DomainException(CoreText.CostNotNegative, "CostPrice");
        }
    }

    /// <summary>
    /// The promotion as tenths of the price, rounded half up to one decimal ("8.5折", "8折"); never
    /// shown as 10折 for a real reduction, and null without one.
    /// </summary>
    public static string? DiscountText(Money price, Money? promotion)
    {
        if (promotion is not { } promo || price.Fen <= 0 || promo >= price)
        {
            return null;
        }
        var hundredths = (Int128)promo.Fen * 1000 / price.Fen;     // 8.55折 -> 855
        var tenths = (long)((hundredths + 5) / 10);                 // half up -> 86
        tenths = Math.Clamp(tenths, 1, 99);
        return tenths % 10 == 0 ? $"{tenths / 10}折" : $"{tenths / 10}.{tenths % 10}折";
    }
}
