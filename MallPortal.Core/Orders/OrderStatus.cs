namespace MallPortal.Core.Orders;

/// <summary>The five states every order list shows (待付款 → 待发货 → 待收货 → 已完成, or 已取消).</summary>
public enum OrderStatus
{
    PendingPayment,
    PendingShipment,
    PendingReceipt,
    Completed,
    Cancelled,
}
