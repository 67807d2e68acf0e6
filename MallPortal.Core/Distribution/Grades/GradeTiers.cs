using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Distribution.Grades;

/// <summary>A grade as tried in 佣金试算: its threshold of own settled sales and its rates per level (basis points).</summary>
public sealed record GradeTier(int GradeId, long SettledSalesFen, int Level1Bp, int Level2Bp, int Level3Bp)
{
    public IReadOnlyList<BasisPoints> Rates => [new(Level1Bp), new(Level2Bp), new(Level3Bp)];

    public static GradeTier Of(DistributorGrade grade) => new(grade.Id, grade.SettledSalesFen, grade.Level1Bp, grade.Level2Bp, grade.Level3Bp);
}

internal static class GradeTiers
{
    /// <summary>
    /// The platform's grades with the tried values in place of theirs: rates always, thresholds only when
    /// <paramref name="thresholdsToo"/> (the admin; a merchant cannot move the platform's thresholds). The same rules as
    /// saving a grade: no negative threshold or rate, rates within the cap, no two grades at one threshold.
    /// </summary>
    public static IReadOnlyList<GradeTier> Tried(IReadOnlyList<DistributorGrade> grades, IReadOnlyList<GradeTier>? tried, bool thresholdsToo, BasisPoints cap)
    {
        var byId = (tried ?? []).ToDictionary(t => t.GradeId);
        var tiers = grades.Select(g => byId.TryGetValue(g.Id, out var t)
            ? t with { SettledSalesFen = thresholdsToo ? t.SettledSalesFen : g.SettledSalesFen }
            : GradeTier.Of(g)).OrderBy(t => t.SettledSalesFen).ToList();
        if (tiers.Any(t => t.SettledSalesFen < 0))
        {
            throw new DomainException(CoreText.GradeThresholdNegative, nameof(GradeTier.SettledSalesFen));
        }
        if (tiers.Any(t => t.Level1Bp < 0 || t.Level2Bp < 0 || t.Level3Bp < 0))
        {
            throw new DomainException(CoreText.CommissionRateNegative, nameof(GradeTier.Level1Bp));
        }
        if (tiers.Any(t => t.Level1Bp + t.Level2Bp + t.Level3Bp > cap.Value))
        {
            throw new DomainException(string.Format(CoreText.CommissionRatesOverCap, cap), nameof(GradeTier.Level1Bp));
        }
        if (tiers.Select(t => t.SettledSalesFen).Distinct().Count() != tiers.Count)
        {
            throw new DomainException(CoreText.GradeTaken, nameof(GradeTier.SettledSalesFen));
        }
        return tiers;
    }
}

/// <summary>Distributors moved by tried tiers: up to a higher grade, and kept at a grade whose raised threshold they no longer reach.</summary>
public sealed record TierMoves(int Distributors, int Up, int KeptBelow)
{
    public static readonly TierMoves None = new(0, 0, 0);
}

/// <summary>Where each distributor would stand under tried tiers, as the upgrade job places it: the highest grade its own
/// settled sales reach, never below the grade it holds (the job never demotes).</summary>
internal sealed class TierPlacement
{
    private readonly Dictionary<int, GradeTier> _placed = [];

    private TierPlacement(TierMoves moves) => Moves = moves;

    public TierMoves Moves { get; private set; }

    public IReadOnlyList<BasisPoints>? RatesOf(int distributorId) => _placed.GetValueOrDefault(distributorId)?.Rates;

    public static TierPlacement Of(IReadOnlyList<GradeTier> tiers, IReadOnlyDictionary<int, int?> held,
        IReadOnlyDictionary<int, long> ownSales)
    {
        var (up, below) = (0, 0);
        var placement = new TierPlacement(TierMoves.None);
        foreach (var (distributorId, gradeId) in held)
        {
            var own = ownSales.GetValueOrDefault(distributorId);
            var current = tiers.FirstOrDefault(t => t.GradeId == gradeId);
            var placed = Place(current, own, tiers);
            if (placed is not null)
            {
                placement._placed[distributorId] = placed;
            }
            up += placed is not null && placed.GradeId != current?.GradeId ? 1 : 0;
            below += current is not null && current.SettledSalesFen > own ? 1 : 0;
        }
        placement.Moves = new TierMoves(held.Count, up, below);
        return placement;
    }

    public static GradeTier? Place(GradeTier? current, long ownSales, IReadOnlyList<GradeTier> tiers)
    {
        var reached = tiers.Where(t => t.SettledSalesFen <= ownSales).MaxBy(t => t.SettledSalesFen);
        return reached is not null && (current is null || reached.SettledSalesFen > current.SettledSalesFen) ? reached : current;
    }
}
