using MallPortal.Core.Orders;
using MallPortal.Resources;

namespace MallPortal.Features.Orders;

/// <summary>
/// Addresses of a filtered order list (a work desk card's link: <c>/merchant/orders?status=PendingShipment</c>,
/// <c>?focus=CancellationRequested</c>) and reading them back; an unknown value opens the whole list.
/// </summary>
public static class OrderLinks
{
    public static string To(string list, OrderStatus? status = null, OrderFocus focus = OrderFocus.None)
    {
        var query = new List<string>();
        if (status is { } s)
        {
            query.Add($"status={s}");
        }
        if (focus != OrderFocus.None)
        {
            query.Add($"focus={focus}");
        }
        return query.Count == 0 ? list : $"{list}?{string.Join('&', query)}";
    }

    public static OrderStatus? Status(string? value) => Enum.TryParse<OrderStatus>(value, out var s) && Enum.IsDefined(s) ? s : null;

    public static OrderFocus Focus(string? value) => Enum.TryParse<OrderFocus>(value, out var f) && Enum.IsDefined(f) ? f : OrderFocus.None;

    public static string FocusText(OrderFocus focus) => focus switch
    {
        OrderFocus.PaidToday => UiText.OrderFocusPaidToday,
        OrderFocus.CancellationRequested => UiText.OrderFocusCancellation,
        OrderFocus.ShippingOverdue => UiText.OrderFocusOverdue,
        _ => "",
    };
}
