using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Resources;

namespace MallPortal.Features.Orders;

/// <summary>需付款 before payment, 货到付款 for cash on delivery, 实付款 once paid, 订单金额 for a cancelled order.</summary>
public static class OrderAmountLabel
{
    public static string For(OrderStatus status, string paymentMethod) => status switch
    {
        OrderStatus.PendingPayment => UiText.AmountDue,
        OrderStatus.Cancelled => UiText.OrderAmount,
        _ when CashOnDeliveryGateway.Is(paymentMethod) => UiText.AmountOnDelivery,
        _ => UiText.OrderTotal,
    };
}
