using MallPortal.Core.Catalog;
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
        var skuIds = order.Lines.Select(l => l.SkuId).ToList();
        var available = await (from k in db.ProductSkus
                               join p in db.Products on k.ProductId equals p.Id
                               join st in db.StockItems on k.Id equals st.SkuId
                               where skuIds.Contains(k.Id) && p.Status == ProductStatus.OnSale
                               select new { k.Id, Free = st.OnHand - st.Reserved }).ToDictionaryAsync(k => k.Id, k => k.Free, cancellationToken);
        var inCart = await db.CartItems.Where(c => c.UserId == actor.UserId && skuIds.Contains(c.SkuId)).ToDictionaryAsync(c => c.SkuId, c => c.Quantity, cancellationToken);
        var skipped = new List<string>();
        foreach (var line in order.Lines)
        {
            var quantity = Math.Min(line.Quantity, available.GetValueOrDefault(line.SkuId) - inCart.GetValueOrDefault(line.SkuId));
            if (quantity <= 0)
            {
                skipped.Add(line.Title);
                continue;
            }
            await cart.AddAsync(CartOwner.User(actor.UserId), line.SkuId, quantity, cancellationToken);
        }
        if (skipped.Count == order.Lines.Count)
        {
            throw new DomainException(CoreText.BuyAgainNothing);
        }
        return skipped;
    }
}
