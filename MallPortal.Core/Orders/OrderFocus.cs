using MallPortal.Core.Common;
using MallPortal.Core.Data;

namespace MallPortal.Core.Orders;

/// <summary>
/// The narrow lists a work desk card opens (商家工作台, 平台概览): the order list lands filtered to exactly the orders the
/// card counted, because both read the same rule here.
/// </summary>
public enum OrderFocus
{
    None,

    /// <summary>Money arrived today (business day): paid online, or cash on delivery collected.</summary>
    PaidToday,

    /// <summary>The buyer asked to cancel and the shop has not decided.</summary>
    CancellationRequested,

    /// <summary>Waiting for shipment longer than <see cref="OrderFocusRules.ShippingOverdueAfter"/> since payment (or placement, cash on delivery).</summary>
    ShippingOverdue,
}

internal static class OrderFocusRules
{
    /// <summary>发货超时: the usual 48-hour shipping promise of Chinese marketplaces.</summary>
    public static readonly TimeSpan ShippingOverdueAfter = TimeSpan.FromHours(48);

    public static IQueryable<Order> Focus(this IQueryable<Order> orders, MallDbContext db, OrderFocus focus, BusinessTimeZone zone, DateTime now)
    {
        switch (focus)
        {
            case OrderFocus.PaidToday:
                var today = DateOnly.FromDateTime(zone.ToLocal(now));
                var (start, end) = (zone.StartOfDayUtc(today), zone.StartOfDayUtc(today.AddDays(1)));
                return orders.Where(o => o.PaidAt >= start && o.PaidAt < end);
            case OrderFocus.CancellationRequested:
                return orders.Where(o => db.Refunds.Any(r => r.OrderId == o.Id && r.Status == RefundStatus.Requested));
            case OrderFocus.ShippingOverdue:
                var due = now - ShippingOverdueAfter;
                return orders.Where(o => o.Status == OrderStatus.PendingShipment && (o.PaidAt ?? o.PlacedAt) <= due);
            default:
                return orders;
        }
    }
}
