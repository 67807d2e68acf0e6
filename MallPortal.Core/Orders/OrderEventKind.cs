namespace MallPortal.Core.Orders;

/// <summary>One row of an order's timeline: every transition plus the steps that do not change the status.</summary>
public enum OrderEventKind
{
    Placed,
    Pay,
    ChooseCashOnDelivery,
    CancelByBuyer,
    CloseUnpaid,
    Ship,
    CancelWithRefund,
    ConfirmReceipt,
    AutoConfirmReceipt,
    CancellationRequested,
    CancellationRejected,
    CashCollected,
    ReceiptExtended,
    CancellationWithdrawn,
    PackageShipped,
    OutForDelivery,
    ParcelSigned,
    ParcelProblem,
    AfterSale,
    AfterSaleRefunded,
}
