using MallPortal.Core.Common;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// Exact commission arithmetic, no I/O. Each level earns its rate on the line's base (the paid amount, or the margin when
/// the shop chose it and the cost is known), rounded once by <see cref="Money.Percent"/>. The levels together never pass the
/// per-line cap (a share of the paid amount, and never above the margin when the cost is known): past it they are scaled
/// down together by largest remainder, so the parts add up to the cap exactly. A level without a beneficiary is not paid
/// and its share goes to nobody.
/// </summary>
public static class CommissionCalculator
{
    public static IReadOnlyList<CommissionShare> Split(CommissionLine line, CommissionRule rule, IReadOnlyList<int?> beneficiaries, BasisPoints cap)
    {
        var paid = new Money(line.PaidFen);
        var margin = line.CostFen is { } cost ? new Money(Math.Max(0, line.PaidFen - cost)) : (Money?)null;
        var basis = rule.Base == CommissionBase.Margin && margin is { } m ? m : paid;
        var levels = Enumerable.Range(0, Math.Min(rule.Rates.Count, beneficiaries.Count))
            .Where(i => beneficiaries[i] is not null && rule.Rates[i].Value > 0)
            .Select(i => (Level: i + 1, DistributorId: beneficiaries[i]!.Value, Rate: rule.Rates[i], Raw: basis.Percent(rule.Rates[i]).Fen))
            .Where(l => l.Raw > 0).ToList();
        if (levels.Count == 0)
        {
            return [];
        }
        var limit = paid.Percent(cap).Fen;
        if (margin is { } known)
        {
            limit = Math.Min(limit, known.Fen);
        }
        var capped = levels.Sum(l => l.Raw) > limit;
        var amounts = !capped ? levels.Select(l => l.Raw).ToList()
            : limit == 0 ? levels.Select(_ => 0L).ToList()
            : new Money(limit).Allocate(levels.Select(l => l.Raw).ToList()).Select(a => a.Fen).ToList();
        return levels.Select((l, i) => new CommissionShare(line.OrderLineId, l.Level, l.DistributorId, basis.Fen, l.Rate, amounts[i], capped))
            .Where(s => s.AmountFen > 0).ToList();
    }

    /// <summary>
    /// How much of a commission stands reversed once <paramref name="refundedFen"/> of the line's <paramref name="paidFen"/>
    /// has gone back: the same share, rounded half away from zero; a full refund reverses all of it. Each refund reverses
    /// the difference from what was reversed before, so several partial refunds add up to exactly the refunded share.
    /// </summary>
    public static long ReversedBy(long amountFen, long refundedFen, long paidFen) => new Money(amountFen).Share(refundedFen, paidFen).Fen;
}

/// <summary>One order line as commission sees it: what was paid for it (shipping excluded) and, when known, its cost.</summary>
public sealed record CommissionLine(int OrderLineId, long PaidFen, long? CostFen);

/// <summary>The rates per level and the base they apply to (a shop's policy, or a product's override).</summary>
public sealed record CommissionRule(IReadOnlyList<BasisPoints> Rates, CommissionBase Base);

public sealed record CommissionShare(int OrderLineId, int Level, int DistributorId, long BaseFen, BasisPoints Rate, long AmountFen, bool Capped);
