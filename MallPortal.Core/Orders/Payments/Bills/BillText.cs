using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders.Payments.Bills;

/// <summary>A bill difference in the words the admin reads.</summary>
public static class BillText
{
    public static string Kind(BillDifferenceKind kind) => kind switch
    {
        BillDifferenceKind.PaidOnlyAtGateway => CoreText.BillPaidOnlyAtGateway,
        BillDifferenceKind.PaidOnlyHere => CoreText.BillPaidOnlyHere,
        BillDifferenceKind.PaymentAmountDiffers => CoreText.BillPaymentAmountDiffers,
        BillDifferenceKind.RefundOnlyAtGateway => CoreText.BillRefundOnlyAtGateway,
        BillDifferenceKind.RefundOnlyHere => CoreText.BillRefundOnlyHere,
        _ => CoreText.BillRefundAmountDiffers,
    };

    public static string Status(BillDifferenceStatus status) => status switch
    {
        BillDifferenceStatus.Open => CoreText.BillStatusOpen,
        BillDifferenceStatus.Repaired => CoreText.BillStatusRepaired,
        _ => CoreText.BillStatusResolved,
    };
}
