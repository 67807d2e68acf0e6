using CsCheck;
using MallPortal.Core.Common;
using MallPortal.Core.Distribution.Commissions;

namespace MallPortal.Tests.Distribution.Commissions;

public sealed class CommissionCalculatorTests
{
    private static readonly BasisPoints Cap30 = new(3000);

    private static CommissionRule Rates(params int[] bp) => new(bp.Select(b => new BasisPoints(b)).ToList(), CommissionBase.PaidAmount);

    [Theory]
    [InlineData(10000, 1000, 500, 1000, 500)] // ¥100 at 10 % and 5 %
    [InlineData(999, 1000, 500, 100, 50)] // ¥9.99: 99.9 → 100 fen, 49.95 → 50 fen (half away from zero)
    [InlineData(3, 1000, 500, 0, 0)] // three fen earn nothing at either level
    public void Each_level_earns_its_rate_on_the_paid_amount_rounded_once(long paid, int l1, int l2, long expected1, long expected2)
    {
        var shares = CommissionCalculator.Split(new CommissionLine(1, paid, null), Rates(l1, l2), [11, 12], Cap30);

        Assert.Equal(expected1, shares.SingleOrDefault(s => s.Level == 1)?.AmountFen ?? 0);
        Assert.Equal(expected2, shares.SingleOrDefault(s => s.Level == 2)?.AmountFen ?? 0);
    }

    [Fact]
    public void Past_the_cap_the_levels_are_scaled_down_together_to_exactly_the_cap()
    {
        var shares = CommissionCalculator.Split(new CommissionLine(1, 10001, null), Rates(2500, 1500), [11, 12], Cap30);

        Assert.Equal(3000, shares.Sum(s => s.AmountFen)); // 30 % of ¥100.01 = 3000.3 → 3000
        Assert.Equal([1875, 1125], shares.Select(s => s.AmountFen));
        Assert.All(shares, s => Assert.True(s.Capped));
    }

    [Fact]
    public void With_a_known_cost_the_margin_bounds_the_total_and_can_be_the_base()
    {
        var line = new CommissionLine(1, 10000, CostFen: 9500);

        var onPaid = CommissionCalculator.Split(line, Rates(1000, 500), [11, 12], Cap30);
        var onMargin = CommissionCalculator.Split(line, new CommissionRule([new BasisPoints(1000)], CommissionBase.Margin), [11], Cap30);

        Assert.Equal(500, onPaid.Sum(s => s.AmountFen)); // 1500 wanted, the margin is 500
        Assert.Equal((500L, 50L), (onMargin.Single().BaseFen, onMargin.Single().AmountFen));
    }

    [Fact]
    public void A_level_without_a_beneficiary_is_not_paid_and_its_share_goes_to_nobody()
    {
        var shares = CommissionCalculator.Split(new CommissionLine(1, 10000, null), Rates(1000, 500), [11, null], Cap30);

        Assert.Equal((1, 11, 1000L), (shares.Single().Level, shares.Single().DistributorId, shares.Single().AmountFen));
    }

    [Fact]
    public void A_fixed_amount_per_unit_is_paid_per_unit_and_still_bounded_by_the_cap()
    {
        var rule = new CommissionRule([new BasisPoints(0), new BasisPoints(0)], CommissionBase.PaidAmount, CommissionSource.Product, [500, 200]);

        var three = CommissionCalculator.Split(new CommissionLine(1, 30000, null, Quantity: 3), rule, [11, 12], Cap30);
        var cheap = CommissionCalculator.Split(new CommissionLine(1, 1000, null, Quantity: 1), rule, [11, 12], Cap30);

        Assert.Equal([1500L, 600L], three.Select(s => s.AmountFen));
        Assert.All(three, s => Assert.Equal((CommissionSource.Product, false), (s.Source, s.Capped)));
        Assert.Equal(300, cheap.Sum(s => s.AmountFen)); // 700 wanted, 30 % of ¥10 is ¥3
    }

    [Fact]
    public void A_grade_rate_replaces_the_shops_only_where_it_is_higher()
    {
        var beneficiaries = new Beneficiary?[] { new(11, [new BasisPoints(1200), new BasisPoints(300)]), new(12) };

        var shares = CommissionCalculator.Split(new CommissionLine(1, 10000, null), Rates(1000, 500), beneficiaries, Cap30);

        Assert.Equal([(1, 1200L, CommissionSource.Grade), (2, 500L, CommissionSource.Shop)], shares.Select(s => (s.Level, s.AmountFen, s.Source)));
    }

    [Fact]
    public void Random_lines_never_pay_more_than_the_cap_or_the_margin_and_each_share_is_at_most_its_uncapped_amount()
    {
        var cost = Gen.Select(Gen.Bool, Gen.Long[0, 60_000_000], (known, fen) => known ? fen : (long?)null);
        var gen = Gen.Select(Gen.Long[1, 50_000_000], cost, Gen.Int[0, 5000].Array[1, 3], Gen.Int[0, 5000], Gen.Bool);
        gen.Sample((paid, cost, rates, cap, margin) =>
        {
            var rule = new CommissionRule(rates.Select(r => new BasisPoints(r)).ToList(), margin ? CommissionBase.Margin : CommissionBase.PaidAmount);
            var shares = CommissionCalculator.Split(new CommissionLine(1, paid, cost), rule, rates.Select((_, i) => (int?)(i + 1)).ToList(), new BasisPoints(cap));
            var total = shares.Sum(s => s.AmountFen);
            var limit = Math.Min(new Money(paid).Percent(new BasisPoints(cap)).Fen, cost is { } c ? Math.Max(0, paid - c) : long.MaxValue);
            var basis = shares.Count > 0 ? shares[0].BaseFen : 0;
            return total <= limit && shares.All(s => s.AmountFen > 0 && s.AmountFen <= new Money(basis).Percent(s.Rate).Fen)
                   && (shares.Any(s => s.Capped) ? total == limit : true);
        }, iter: 5000);
    }

    [Fact]
    public void Any_sequence_of_partial_refunds_reverses_exactly_the_refunded_share_and_a_full_refund_all_of_it()
    {
        var gen = Gen.Select(Gen.Long[1, 10_000_000], Gen.Long[1, 1_000_000].Array[1, 6]);
        gen.Sample((paid, parts) =>
        {
            var amount = paid / 7;
            long refunded = 0, reversed = 0;
            foreach (var part in parts)
            {
                refunded = Math.Min(paid, refunded + part);
                var target = CommissionCalculator.ReversedBy(amount, refunded, paid);
                if (target < reversed)
                {
                    return false;
                }
                reversed = target;
                var exact = (decimal)amount * refunded / paid;
                if (Math.Abs(reversed - exact) > 0.5m)
                {
                    return false;
                }
            }
            return refunded < paid || reversed == amount;
        }, iter: 5000);
    }
}
