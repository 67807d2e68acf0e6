using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders;

/// <summary>A buyer's conveniences on its own orders: 延长收货 once, 删除订单 when finished, 再次购买 into the cart.</summary>
public sealed class BuyerOrderService(IDbContextFactory<MallDbContext> contexts, OrderSteps steps, CartService cart, IOptions<OrderOptions> options,
    TimeProvider clock)
{
    public async Task ExtendReceiptAsync(Actor actor, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForBuyerAsync(db, actor, number, cancellationToken);
        order.ExtendReceipt(clock.GetUtcNow().UtcDateTime, options.Value.ReceiptExtensionDays, actor.UserId);
        await steps.CommitAsync(db, cancellationToken);
    }

    /// <summary>Hides a completed or cancelled order from the buyer's list (the shop's and the platform's records keep it).</summary>
    public async Task DeleteAsync(Actor actor, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForBuyerAsync(db, actor, number, cancellationToken);
        order.HideFromBuyer(clock.GetUtcNow().UtcDateTime);
        await OrderAccess.SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// Puts the order's items back in the buyer's cart, as many of each as are still available beside what the cart holds;
    /// returns the titles left out (off the shelf or sold out). Nothing at all available is refused with a message.
    /// </summary>
    public async Task<IReadOnlyList<string>> BuyAgainAsync(Actor actor, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForBuyerAsync(db, actor, number, cancellationToken);
        var skipped = await cart.AddAvailableAsync(CartOwner.User(actor.UserId), order.Lines.Select(l => new CheckoutLine(l.SkuId, l.Quantity)).ToList(),
            cancellationToken);
        if (skipped.Count == order.Lines.Count)
        {
            throw new DomainException(CoreText.BuyAgainNothing);
        }
        return order.Lines.Where(l => skipped.Contains(l.SkuId)).Select(l => l.Title).ToList();
    }
}
