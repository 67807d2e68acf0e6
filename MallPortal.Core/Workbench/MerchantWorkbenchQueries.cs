using MallPortal.Core.Catalog;
using MallPortal.Core.Catalog.Reviews;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.AfterSales;
using MallPortal.Core.Orders.Risk;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Workbench;

/// <summary>
/// 商家工作台: what the merchant's own shop has to do now, each figure counted by the same rule as the list its card opens
/// (the order list's focus and status, 售后处理's 待商家处理, 库存预警, 评价管理's unanswered). A merchant sees only its shop.
/// </summary>
public sealed class MerchantWorkbenchQueries(IDbContextFactory<MallDbContext> contexts, BusinessTimeZone zone, TimeProvider clock, ReviewQueries reviews)
{
    public const int RecentReviews = 3;

    public async Task<MerchantWorkbench> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // The merchant's own order list: a payment held by the risk review has not reached the shop yet.
        var orders = db.Orders.Where(o => o.ShopId == shopId).ReachedMerchant(db);
        var paidToday = orders.Focus(db, OrderFocus.PaidToday, zone, now);
        var toShip = orders.Where(o => o.Status == OrderStatus.PendingShipment);
        var waitingSince = await toShip.MinAsync(o => (DateTime?)(o.PaidAt ?? o.PlacedAt), cancellationToken);
        var unanswered = await reviews.ForShopAsync(actor, unrepliedOnly: true, 0, RecentReviews, cancellationToken);
        return new MerchantWorkbench(
            shopId,
            await paidToday.CountAsync(cancellationToken),
            new Money(await paidToday.SumAsync(o => o.TotalFen, cancellationToken)),
            await toShip.CountAsync(cancellationToken),
            waitingSince is { } since ? now - since : null,
            await orders.Focus(db, OrderFocus.CancellationRequested, zone, now).CountAsync(cancellationToken),
            await db.AfterSales.CountAsync(a => a.ShopId == shopId && a.Status == AfterSaleStatus.PendingMerchant, cancellationToken),
            await db.StockAlerts.CountAsync(a => a.ShopId == shopId && a.ClosedAt == null, cancellationToken),
            unanswered.Total,
            unanswered.Items);
    }
}

/// <summary>
/// The merchant's figures for today and its queues. <see cref="ReceivedToday"/> is money that arrived today (paid online or
/// cash on delivery collected), never an order merely placed; <see cref="LongestShippingWait"/> is how long the oldest order
/// to ship has waited since payment (or placement, cash on delivery).
/// </summary>
public sealed record MerchantWorkbench(int ShopId, int PaidToday, Money ReceivedToday, int ToShip, TimeSpan? LongestShippingWait,
    int CancellationRequests, int AfterSalesWaiting, int LowStock, int ReviewsToAnswer, IReadOnlyList<ReviewRow> RecentUnanswered);
