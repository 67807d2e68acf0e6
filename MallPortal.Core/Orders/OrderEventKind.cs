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

    /// <summary>The payment was held by the risk rules (支付安全审核); the merchant does not see the order yet.</summary>
    RiskHeld,

    /// <summary>The admin released the held payment: the order reaches its merchant.</summary>
    RiskReleased,

    /// <summary>The admin refused the held payment (the note is the reason the buyer reads); the order is cancelled and refunded.</summary>
    RiskRefused,

    /// <summary>A refund the provider was still processing reached the buyer (its notification or a query said so).</summary>
    RefundArrived,
}
