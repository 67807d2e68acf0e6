using MallPortal.Components.Shared;
using MallPortal.Core.Distribution.Grades;

namespace MallPortal.Features.Analytics;

/// <summary>A platform grade as tried in 佣金试算: its threshold in yuan and its rates in percent, as typed.</summary>
public sealed class WhatIfTierForm(GradeRow grade)
{
    private const decimal YuanLimit = 10_000_000_000m;

    public GradeRow Grade => grade;

    public decimal ThresholdYuan { get; set; } = grade.SettledSalesFen / 100m;

    public decimal[] Percents { get; } = [RateInput.ToPercent(grade.Level1Bp), RateInput.ToPercent(grade.Level2Bp), RateInput.ToPercent(grade.Level3Bp)];

    /// <summary>The tier sent to the what-if; out-of-range figures reach the business rule, which names what is allowed.</summary>
    public GradeTier ToTier() => new(grade.Id, decimal.ToInt64(decimal.Round(Math.Clamp(ThresholdYuan, -YuanLimit, YuanLimit) * 100m, MidpointRounding.AwayFromZero)),
        RateInput.ToBasisPoints(Percents[0]), RateInput.ToBasisPoints(Percents[1]), RateInput.ToBasisPoints(Percents[2]));

    public static List<WhatIfTierForm> Of(IEnumerable<GradeRow> grades) => grades.Select(g => new WhatIfTierForm(g)).ToList();
}
