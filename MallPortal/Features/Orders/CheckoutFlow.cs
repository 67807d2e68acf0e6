using MallPortal.Core.Common;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Hosting;

namespace MallPortal.Features.Orders;

/// <summary>
/// The checkout page's steps that are not page state: the cart's chosen lines, placing the orders, and where the
/// buyer goes next (the pay page, or the order for cash on delivery).
/// </summary>
public sealed class CheckoutFlow(CartSession session, CartService carts, CheckoutService checkout, PaymentGateways gateways)
{
    public IReadOnlyList<string> PaymentMethods => gateways.Names.OrderBy(n => n == CashOnDeliveryGateway.GatewayName).ToList();

    public async Task<IReadOnlyList<CheckoutLine>> SelectedCartLinesAsync()
    {
        var owner = await session.OwnerAsync();
        return owner is null ? [] : (await carts.GetAsync(owner)).ToCheckout();
    }

    /// <summary>Returns where to send the buyer.</summary>
    public async Task<string> PlaceAsync(Actor actor, CheckoutInput input)
    {
        var result = await checkout.PlaceOrderAsync(actor, input);
        if (!result.PaysOnline)
        {
            return result.OrderNumbers.Count == 1 ? $"/account/orders/{result.OrderNumbers[0]}" : "/account/orders";
        }
        return $"/account/orders/{result.OrderNumbers[0]}/pay";
    }
}
