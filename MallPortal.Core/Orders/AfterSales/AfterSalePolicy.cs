using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>
/// Who may claim what, and what it gives back. A line's refundable money is its share of what was paid for the items
/// (largest remainder over the order's lines), handed out by units so that claiming every unit, in any number of cases,
/// gives back exactly what was paid for the line.
/// </summary>
public static class AfterSalePolicy
{
    public static int WindowDays(AfterSaleReason reason, AfterSaleOptions options) =>
        reason == AfterSaleReason.NoReason ? options.NoReasonDays : options.QualityDays;

    /// <summary>Refuses, with the reason in Chinese, a claim the order's state or the window does not allow.</summary>
    public static void CheckOrder(Order order, AfterSaleClaim claim, DateTime now, AfterSaleOptions options)
    {
        if (order.PaidAt is null || order.Status is OrderStatus.PendingPayment or OrderStatus.Cancelled)
        {
            throw new DomainException(CoreText.AfterSaleNotPaid);
        }
        if (claim.Type == AfterSaleType.ReturnAndRefund && order.Status == OrderStatus.PendingShipment)
        {
            throw new DomainException(CoreText.AfterSaleReturnBeforeShipment, "Type");
        }
        var days = WindowDays(claim.Reason, options);
        if (order.Status == OrderStatus.Completed && order.CompletedAt!.Value.AddDays(days) < now)
        {
            throw new DomainException(string.Format(CoreText.AfterSaleWindowPassed, AfterSaleText.Reason(claim.Reason), days), "Reason");
        }
    }

    /// <summary>What each line was paid: the items' part of the order total, allocated by line amount.</summary>
    public static IReadOnlyList<Money> LinesPaid(Order order) =>
        new Money(order.TotalFen - order.ShippingFee.Fen).Allocate(order.Lines.Select(l => l.Amount.Fen).ToList());

    /// <summary>The money <paramref name="quantity"/> more units give back, after <paramref name="refundedUnits"/> units and <paramref name="refunded"/> already went back.</summary>
    public static Money RefundFor(Money linePaid, int lineQuantity, int refundedUnits, Money refunded, int quantity) =>
        new(Math.Max(0, linePaid.Share(refundedUnits + quantity, lineQuantity).Fen - refunded.Fen));
}
