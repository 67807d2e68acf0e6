using MallPortal.Components.Shared;
using MallPortal.Core.Distribution.Grades;

namespace MallPortal.Areas.Admin.Distribution;

/// <summary>A grade as the admin edits it: threshold in yuan, rates in percent; Core checks names, thresholds and the cap.</summary>
public sealed class GradeForm
{
    public int? Id { get; set; }

    public string Name { get; set; } = "";

    public decimal ThresholdYuan { get; set; }

    public decimal[] RatePercents { get; set; } = new decimal[3];

    public static GradeForm From(GradeRow g) => new()
    {
        Id = g.Id, Name = g.Name, ThresholdYuan = g.SettledSalesFen / 100m,
        RatePercents = [RateInput.ToPercent(g.Level1Bp), RateInput.ToPercent(g.Level2Bp), RateInput.ToPercent(g.Level3Bp)],
    };

    public GradeInput ToInput() => new(Name, YuanInput.ToMoney(ThresholdYuan).Fen, RateInput.ToBasisPoints(RatePercents[0]),
        RateInput.ToBasisPoints(RatePercents[1]), RateInput.ToBasisPoints(RatePercents[2]));
}
