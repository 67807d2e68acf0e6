namespace MallPortal.Core.Orders;

/// <summary>What moves an order from one status to the next; <see cref="OrderTransitions"/> says which may.</summary>
public enum OrderTrigger
{
    Pay,
    ChooseCashOnDelivery,
    CancelByBuyer,
    CloseUnpaid,
    Ship,
    CancelWithRefund,
    ConfirmReceipt,
    AutoConfirmReceipt,
}
