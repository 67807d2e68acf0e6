using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders;

/// <summary>
/// What placing orders tells people: the buyer's "order placed" (online payment) or, for cash on delivery, the buyer's
/// confirmation and the merchant's new order. The messages are built before the checkout's transaction and saved in it,
/// with the orders (none is lost between two commits, and the write turn stays one transaction); after the commit the
/// inboxes and the dispatcher are woken and the stock figures go live.
/// </summary>
public sealed class CheckoutNotices(NotificationService notifications, StockNotifier stock, IOptions<OrderOptions> options)
{
    public async Task<IReadOnlyList<PreparedNotification>> PrepareAsync(MallDbContext db, IReadOnlyList<Order> orders, bool paysOnline,
        CancellationToken cancellationToken)
    {
        var owners = paysOnline ? new Dictionary<int, int>() : await OwnersAsync(db, orders, cancellationToken);
        var prepared = new List<PreparedNotification?>();
        foreach (var order in orders)
        {
            var values = OrderNotifier.Values(order.Number, order.TotalFen, order.PaymentMethod, null, options.Value);
            var buyerLink = $"/account/orders/{order.Number}";
            if (paysOnline)
            {
                prepared.Add(await notifications.PrepareAsync(db, order.BuyerUserId, NotificationTemplates.OrderPlaced, values, buyerLink, cancellationToken));
                continue;
            }
            prepared.Add(await notifications.PrepareAsync(db, order.BuyerUserId, NotificationTemplates.OrderPlacedCod, values, buyerLink, cancellationToken));
            prepared.Add(await notifications.PrepareAsync(db, owners[order.ShopId], NotificationTemplates.MerchantNewOrder, values,
                $"/merchant/orders/{order.Number}", cancellationToken));
        }
        return prepared.OfType<PreparedNotification>().ToList();
    }

    public async Task AfterCommitAsync(IReadOnlyList<PreparedNotification> saved, IReadOnlyList<Order> orders, IReadOnlyList<StockAlert> opened,
        CancellationToken cancellationToken)
    {
        await notifications.AnnounceAsync(saved.Select(n => n.UserId).Distinct().ToList(), cancellationToken);
        await stock.AfterCommitAsync(orders.SelectMany(o => o.Lines.Select(l => (o.ShopId, l.SkuId))).ToList(), opened, cancellationToken);
    }

    private static async Task<Dictionary<int, int>> OwnersAsync(MallDbContext db, IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        var shopIds = orders.Select(o => o.ShopId).ToList();
        return await db.Shops.Where(s => shopIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.OwnerUserId, cancellationToken);
    }
}
