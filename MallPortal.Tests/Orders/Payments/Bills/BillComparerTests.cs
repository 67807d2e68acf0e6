using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments.Bills;

namespace MallPortal.Tests.Orders.Payments.Bills;

public class BillComparerTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 12, 0, 0, BillDay.ChinaOffset);

    [Fact]
    public void Every_kind_of_difference_is_found_and_matching_lines_are_not()
    {
        BillLine[] bill =
        [
            Pay("P-SAME", 100), Pay("P-LONG", 200), Pay("P-AMOUNT", 300),
            Refund("P-SAME", "R-SAME", 50), Refund("P-SAME", "R-THERE", 10), Refund("P-AMOUNT", "R-AMOUNT", 30),
        ];
        BookedLine[] books =
        [
            new(BillLineKind.Payment, "P-SAME", null, 100), new(BillLineKind.Payment, "P-AMOUNT", null, 299), new(BillLineKind.Payment, "P-SHORT", null, 400),
            new(BillLineKind.Refund, "P-SAME", "R-SAME", 50), new(BillLineKind.Refund, "P-AMOUNT", "R-AMOUNT", 31), new(BillLineKind.Refund, "P-SHORT", "R-HERE", 20),
        ];

        Assert.Equal(
        [
            new BillMismatch(BillDifferenceKind.PaymentAmountDiffers, "P-AMOUNT", null, 300, 299),
            new BillMismatch(BillDifferenceKind.PaidOnlyAtGateway, "P-LONG", null, 200, null),
            new BillMismatch(BillDifferenceKind.PaidOnlyHere, "P-SHORT", null, null, 400),
            new BillMismatch(BillDifferenceKind.RefundAmountDiffers, "P-AMOUNT", "R-AMOUNT", 30, 31),
            new BillMismatch(BillDifferenceKind.RefundOnlyAtGateway, "P-SAME", "R-THERE", 10, null),
            new BillMismatch(BillDifferenceKind.RefundOnlyHere, "P-SHORT", "R-HERE", null, 20),
        ], BillComparer.Compare(bill, books));
    }

    [Fact]
    public void An_empty_day_on_both_sides_balances()
    {
        Assert.Empty(BillComparer.Compare([], []));
    }

    private static BillLine Pay(string payment, long fen) => new(BillLineKind.Payment, payment, "T-" + payment, null, new Money(fen), At);

    private static BillLine Refund(string payment, string refund, long fen) => new(BillLineKind.Refund, payment, "T-" + payment, refund, new Money(fen), At);
}
