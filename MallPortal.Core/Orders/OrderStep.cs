namespace MallPortal.Core.Orders;

/// <summary>
/// What happened to an order in one change, recorded by the order itself (one per timeline row) and handed to every
/// <see cref="IOrderStepHandler"/> by <see cref="OrderSteps.CommitAsync"/>. A refund step carries its refund, by line.
/// </summary>
public sealed record OrderStep(Order Order, OrderEventKind Kind, DateTime At, string? Detail, Refund? Refund = null)
{
    /// <summary>
    /// The money reached the platform: the gateway's proof of payment online, or the courier's cash for cash on delivery
    /// (decision 0008): placing a cash-on-delivery order pays nothing, so nothing counts as sold or earns commission yet.
    /// </summary>
    public bool IsPaid => Kind is OrderEventKind.Pay or OrderEventKind.CashCollected;

    public bool IsReceived => Kind is OrderEventKind.ConfirmReceipt or OrderEventKind.AutoConfirmReceipt;

    public bool IsCancelled => Kind is OrderEventKind.CancelByBuyer or OrderEventKind.CloseUnpaid or OrderEventKind.CancelWithRefund;

    /// <summary>
    /// Money went back to the buyer for these lines (<see cref="Refund"/> says how much of each). Cancelling an unpaid
    /// cash-on-delivery order returns nothing and undoes nothing that payment did.
    /// </summary>
    public bool IsRefund => Refund is { Status: RefundStatus.Refunded } && Order.PaidAt is not null;
}
