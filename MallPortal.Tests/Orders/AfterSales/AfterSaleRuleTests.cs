using CsCheck;
using MallPortal.Core.Common;
using MallPortal.Core.Orders.AfterSales;

namespace MallPortal.Tests.Orders.AfterSales;

public class AfterSaleRuleTests
{
    public static TheoryData<AfterSaleStatus, AfterSaleTrigger> EveryPair()
    {
        var data = new TheoryData<AfterSaleStatus, AfterSaleTrigger>();
        foreach (var status in Enum.GetValues<AfterSaleStatus>())
        {
            foreach (var trigger in Enum.GetValues<AfterSaleTrigger>())
            {
                data.Add(status, trigger);
            }
        }
        return data;
    }

    private static readonly Dictionary<(AfterSaleStatus, AfterSaleTrigger), AfterSaleStatus> Expected = new()
    {
        [(AfterSaleStatus.PendingMerchant, AfterSaleTrigger.ApproveReturn)] = AfterSaleStatus.AwaitingReturn,
        [(AfterSaleStatus.PendingMerchant, AfterSaleTrigger.Refund)] = AfterSaleStatus.Refunded,
        [(AfterSaleStatus.PendingMerchant, AfterSaleTrigger.Reject)] = AfterSaleStatus.Rejected,
        [(AfterSaleStatus.PendingMerchant, AfterSaleTrigger.Withdraw)] = AfterSaleStatus.Cancelled,
        [(AfterSaleStatus.Rejected, AfterSaleTrigger.Escalate)] = AfterSaleStatus.Arbitration,
        [(AfterSaleStatus.AwaitingReturn, AfterSaleTrigger.ShipBack)] = AfterSaleStatus.AwaitingReceipt,
        [(AfterSaleStatus.AwaitingReturn, AfterSaleTrigger.ExpireReturn)] = AfterSaleStatus.Closed,
        [(AfterSaleStatus.AwaitingReceipt, AfterSaleTrigger.Refund)] = AfterSaleStatus.Refunded,
        [(AfterSaleStatus.AwaitingReceipt, AfterSaleTrigger.RefuseReturn)] = AfterSaleStatus.ReturnRefused,
        [(AfterSaleStatus.ReturnRefused, AfterSaleTrigger.Escalate)] = AfterSaleStatus.Arbitration,
        [(AfterSaleStatus.Arbitration, AfterSaleTrigger.Refund)] = AfterSaleStatus.Refunded,
        [(AfterSaleStatus.Arbitration, AfterSaleTrigger.Dismiss)] = AfterSaleStatus.Closed,
    };

    [Theory, MemberData(nameof(EveryPair))]
    public void Every_state_and_step_either_moves_as_the_table_says_or_is_refused_with_the_same_message(AfterSaleStatus from, AfterSaleTrigger trigger)
    {
        if (Expected.TryGetValue((from, trigger), out var to))
        {
            Assert.Equal(to, AfterSaleTransitions.Next(from, trigger));
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => AfterSaleTransitions.Next(from, trigger));
            Assert.Equal($"售后单当前状态为「{AfterSaleText.Status(from)}」，不能{AfterSaleText.Trigger(trigger)}", error.Message);
        }
    }

    [Fact]
    public void Only_cases_waiting_for_someone_are_open()
    {
        Assert.Equal([AfterSaleStatus.PendingMerchant, AfterSaleStatus.AwaitingReturn, AfterSaleStatus.AwaitingReceipt, AfterSaleStatus.Arbitration],
            AfterSaleTransitions.OpenStates);
    }

    [Fact]
    public void Claims_in_any_pieces_never_give_back_more_than_was_paid_and_all_units_give_back_exactly_that()
    {
        Gen.Select(Gen.Long[1, 10_000_000], Gen.Int[1, 50]).SelectMany((paid, units) =>
                Gen.Int[1, units].Array[1, 12].Select(pieces => (paid, units, pieces)))
            .Sample(t =>
            {
                var (refundedUnits, refunded) = (0, Money.Zero);
                foreach (var piece in t.pieces)
                {
                    var quantity = Math.Min(piece, t.units - refundedUnits);
                    if (quantity == 0)
                    {
                        break;
                    }
                    var amount = AfterSalePolicy.RefundFor(new Money(t.paid), t.units, refundedUnits, refunded, quantity);
                    Assert.True(amount.Fen >= 0);
                    (refundedUnits, refunded) = (refundedUnits + quantity, refunded + amount);
                    Assert.True(refunded.Fen <= t.paid);
                }
                if (refundedUnits < t.units)
                {
                    refunded += AfterSalePolicy.RefundFor(new Money(t.paid), t.units, refundedUnits, refunded, t.units - refundedUnits);
                }
                Assert.Equal(t.paid, refunded.Fen);
            });
    }

    [Fact]
    public void The_windows_are_seven_days_without_reason_and_fifteen_for_quality()
    {
        var options = new AfterSaleOptions();
        Assert.Equal((7, 15, 15), (AfterSalePolicy.WindowDays(AfterSaleReason.NoReason, options), AfterSalePolicy.WindowDays(AfterSaleReason.Quality, options),
            AfterSalePolicy.WindowDays(AfterSaleReason.Damaged, options)));
    }
}
