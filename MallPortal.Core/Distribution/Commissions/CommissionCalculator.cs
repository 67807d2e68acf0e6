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
    public static IReadOnlyList<CommissionShare> Split(CommissionLine line, CommissionRule rule, IReadOnlyList<int?> beneficiaries, BasisPoints cap) =>
        Split(line, rule, beneficiaries.Select(b => b is { } id ? new Beneficiary(id) : null).ToList(), cap);

    /// <summary>
    /// Each level's raw amount is the rule's (its rate on the base, or its fixed amount per unit), or, under the shop's policy,
    /// the beneficiary's grade rate on the base when that is more (阶梯: a grade replaces the shop's rate when higher); then the cap.
    /// </summary>
    public static IReadOnlyList<CommissionShare> Split(CommissionLine line, CommissionRule rule, IReadOnlyList<Beneficiary?> beneficiaries, BasisPoints cap)
    {
        var paid = new Money(line.PaidFen);
        var margin = line.CostFen is { } cost ? new Money(Math.Max(0, line.PaidFen - cost)) : (Money?)null;
        var basis = rule.Base == CommissionBase.Margin && margin is { } m ? m : paid;
        var levels = Enumerable.Range(0, Math.Min(rule.Levels, beneficiaries.Count))
            .Where(i => beneficiaries[i] is not null)
            .Select(i => Level(i, beneficiaries[i]!, rule, basis, line.Quantity))
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
        return levels.Select((l, i) => new CommissionShare(line.OrderLineId, l.Number, l.DistributorId, basis.Fen, l.Rate, amounts[i], capped, l.Source, l.FixedFen))
            .Where(s => s.AmountFen > 0).ToList();
    }

    private static (int Number, int DistributorId, BasisPoints Rate, long Raw, CommissionSource Source, long FixedFen) Level(int i, Beneficiary who,
        CommissionRule rule, Money basis, int quantity)
    {
        var (rate, fixedFen) = (rule.Rates.ElementAtOrDefault(i), rule.FixedPerUnitFen?.ElementAtOrDefault(i) ?? 0);
        var raw = rule.FixedPerUnitFen is null ? basis.Percent(rate).Fen : checked(fixedFen * quantity);
        // A grade lifts the shop's policy; a merchant's own rule for a product stays as the merchant set it.
        if (rule.Source == CommissionSource.Shop && who.GradeRates is { } grades && i < grades.Count && basis.Percent(grades[i]).Fen > raw)
        {
            return (i + 1, who.DistributorId, grades[i], basis.Percent(grades[i]).Fen, CommissionSource.Grade, 0);
        }
        return (i + 1, who.DistributorId, rule.FixedPerUnitFen is null ? rate : default, raw, rule.Source, rule.FixedPerUnitFen is null ? 0 : fixedFen);
    }

    /// <summary>
    /// How much of a commission stands reversed once <paramref name="refundedFen"/> of the line's <paramref name="paidFen"/>
    /// has gone back: the same share, rounded half away from zero; a full refund reverses all of it. Each refund reverses
    /// the difference from what was reversed before, so several partial refunds add up to exactly the refunded share.
    /// </summary>
    public static long ReversedBy(long amountFen, long refundedFen, long paidFen) => new Money(amountFen).Share(refundedFen, paidFen).Fen;
}

/// <summary>One order line as commission sees it: what was paid for it (shipping excluded), its units and, when known, its cost.</summary>
public sealed record CommissionLine(int OrderLineId, long PaidFen, long? CostFen, int Quantity = 1);

/// <summary>Where a commission's rate came from: the shop's policy, the product's override, or the beneficiary's grade.</summary>
public enum CommissionSource
{
    Shop,
    Product,
    Grade,
}

/// <summary>
/// Per level, a rate on the base (a shop's policy or a product's override), or, when <see cref="FixedPerUnitFen"/> is
/// set, a fixed amount per unit (a product's override).
/// </summary>
public sealed record CommissionRule(IReadOnlyList<BasisPoints> Rates, CommissionBase Base, CommissionSource Source = CommissionSource.Shop,
    IReadOnlyList<long>? FixedPerUnitFen = null)
{
    public int Levels => FixedPerUnitFen?.Count ?? Rates.Count;
}

/// <summary>Who earns at a level, with its grade's rates per level when it has a grade.</summary>
public sealed record Beneficiary(int DistributorId, IReadOnlyList<BasisPoints>? GradeRates = null);

public sealed record CommissionShare(int OrderLineId, int Level, int DistributorId, long BaseFen, BasisPoints Rate, long AmountFen, bool Capped,
    CommissionSource Source = CommissionSource.Shop, long FixedPerUnitFen = 0);
