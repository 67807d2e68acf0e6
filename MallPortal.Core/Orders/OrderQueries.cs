using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Risk;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>
/// Order lists and details for the buyer (own orders only), the merchant (own shop only) and the admin (all),
/// paged in SQL. Another person's order is simply not found.
/// </summary>
public sealed class OrderQueries(IDbContextFactory<MallDbContext> contexts, BusinessTimeZone timeZone, TimeProvider clock)
{
    /// <summary>Counts per status tab for whoever is asking: a buyer's own, a merchant's shop, or (admin) everything.</summary>
    public async Task<IReadOnlyDictionary<OrderStatus, int>> CountsAsync(Actor actor, OrderScope scope, int? shopId = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orders = await ScopeAsync(db, actor, scope, cancellationToken);
        orders = shopId is { } id ? orders.Where(o => o.ShopId == id) : orders;
        return await orders.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    public async Task<OrderDetails?> GetAsync(Actor actor, OrderScope scope, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orders = await ScopeAsync(db, actor, scope, cancellationToken);
        var order = await orders.Include(o => o.Lines).Include(o => o.Events).Include(o => o.Payment).AsSplitQuery().AsNoTracking()
            .SingleOrDefaultAsync(o => o.Number == number, cancellationToken);
        if (order is null)
        {
            return null;
        }
        var shop = await db.Shops.AsNoTracking().Where(s => s.Id == order.ShopId).Select(s => new { s.Name, s.ServicePhone }).SingleAsync(cancellationToken);
        var refunds = await db.Refunds.AsNoTracking().Where(r => r.OrderId == order.Id).OrderBy(r => r.Id)
            .Select(r => new RefundView(r.Number, r.Amount, r.Reason, r.Status, r.RejectReason, r.RequestedAt, r.DecidedAt, r.GatewayState, r.HandNote)).ToListAsync(cancellationToken);
        // The promoting distributor follows the parcel, not the person: surname, masked mobile, region only.
        var recipient = scope == OrderScope.Promoter ? order.Recipient.Masked() : order.Recipient;
        return new OrderDetails(order.Number, order.ShopId, shop.Name, shop.ServicePhone, order.Status, order.PaymentMethod, order.Payment.Number,
            order.ItemsTotal, order.ShippingFee, order.Total, scope == OrderScope.Promoter ? "" : order.Note, recipient.Name, recipient.Mobile, recipient.FullAddress,
            order.PlacedAt, order.PayBy, order.ReceiveBy, order.CashCollectedAt,
            order.Lines.Select(View).ToList(), order.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new OrderEventView(e.Kind, e.StatusAfter, e.Note, e.At)).ToList(),
            refunds, await Shipping.ShipmentQueries.ForOrderAsync(db, order, cancellationToken), order.ReceiptExtendedAt is not null,
            await RiskHolds.IsHeldAsync(db, order.PaymentId, cancellationToken));
    }

    /// <summary>
    /// The admin's overview: orders by status, and per shop the count, the open ones and the money kept apart as received,
    /// still open (unpaid, or cash on delivery not collected) and refunded.
    /// </summary>
    public async Task<OrderStats> StatsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var byStatus = await db.Orders.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byShop = await db.Orders.GroupBy(o => o.ShopId).Select(g => new
        {
            ShopId = g.Key, Orders = g.Count(),
            Open = g.Count(o => o.Status == OrderStatus.PendingPayment || o.Status == OrderStatus.PendingShipment || o.Status == OrderStatus.PendingReceipt),
        }).ToListAsync(cancellationToken);
        var takings = await Settlement.TakingsSums.ByShopAsync(db, db.Orders, null, cancellationToken);
        var shopIds = byShop.Select(s => s.ShopId).ToList();
        var names = await db.Shops.Where(s => shopIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return new OrderStats(byStatus, byShop.OrderByDescending(s => s.Orders).Select(s => new ShopOrderCount(s.ShopId, names[s.ShopId], s.Orders, s.Open,
            takings.GetValueOrDefault(s.ShopId, Settlement.Takings.None))).ToList());
    }

    private async Task<IQueryable<Order>> ScopeAsync(MallDbContext db, Actor actor, OrderScope scope, CancellationToken cancellationToken)
    {
        switch (scope)
        {
            case OrderScope.Buyer:
                return db.Orders.Where(o => o.BuyerUserId == actor.UserId && o.HiddenByBuyerAt == null);
            case OrderScope.Shop:
                var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
                return db.Orders.Where(o => o.ShopId == shopId).ReachedMerchant(db);
            case OrderScope.Promoter:
                return db.Orders.Where(o => db.OrderAttributions.Any(a => a.OrderId == o.Id
                    && db.Distributors.Any(d => d.Id == a.DistributorId && d.UserId == actor.UserId)));
            default:
                actor.Require(Roles.Admin);
                return db.Orders;
        }
    }

    public async Task<Page<OrderRow>> ListAsync(Actor actor, OrderScope scope, OrderFilter filter, int page, int size,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orders = Filter(db, await ScopeAsync(db, actor, scope, cancellationToken), filter);
        var total = await orders.CountAsync(cancellationToken);
        var rows = await (from o in orders.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id).Skip(Math.Max(page, 0) * size).Take(size)
                          join s in db.Shops on o.ShopId equals s.Id
                          join u in db.Users on o.BuyerUserId equals u.Id
                          select new
                          {
                              Order = o, ShopName = s.Name, Buyer = u.Nickname,
                              Open = db.Refunds.Any(r => r.OrderId == o.Id && r.Status == RefundStatus.Requested),
                              Held = db.PaymentReviews.Any(r => r.PaymentId == o.PaymentId && r.Status == PaymentReviewStatus.Pending),
                          }).AsNoTracking().ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Order.Id).ToList();
        var lines = await db.OrderLines.AsNoTracking().Where(l => ids.Contains(l.OrderId)).ToListAsync(cancellationToken);
        return new Page<OrderRow>(rows.Select(r => new OrderRow(r.Order.Number, r.Order.ShopId, r.ShopName, r.Buyer, r.Order.Status,
            r.Order.PaymentMethod, r.Order.Total, r.Order.PlacedAt, r.Order.PayBy, lines.Where(l => l.OrderId == r.Order.Id).Select(View).ToList(), r.Open,
            r.Order.ReceiptExtendedAt != null, r.Held)).ToList(), total);
    }

    private IQueryable<Order> Filter(MallDbContext db, IQueryable<Order> orders, OrderFilter filter)
    {
        if (filter.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }
        if (filter.ShopId is { } shopId)
        {
            orders = orders.Where(o => o.ShopId == shopId);
        }
        orders = orders.Focus(db, filter.Focus, timeZone, clock.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(filter.Keyword))
        {
            var k = filter.Keyword.Trim();
            orders = orders.Where(o => o.Number.Contains(k) || o.RecipientName.Contains(k) || o.RecipientMobile.Contains(k)
                                       || db.OrderLines.Any(l => l.OrderId == o.Id && l.Title.Contains(k)));
        }
        if (filter.From is { } from)
        {
            var start = timeZone.StartOfDayUtc(from);
            orders = orders.Where(o => o.PlacedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = timeZone.StartOfDayUtc(to.AddDays(1));
            orders = orders.Where(o => o.PlacedAt < end);
        }
        return orders;
    }

    private static OrderLineView View(OrderLine l) =>
        new(l.Id, l.ProductId, l.Title, l.SpecText, l.ImagePath, l.UnitPrice, l.Quantity, l.Amount, l.ReviewedAt is not null);
}

public enum OrderScope
{
    Buyer,
    Shop,
    Admin,

    /// <summary>The distributor whose link brought the order (level 1): read-only, recipient masked.</summary>
    Promoter,
}
