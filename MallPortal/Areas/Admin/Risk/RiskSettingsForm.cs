using MallPortal.Components.Shared;
using MallPortal.Core.Orders.Risk;

namespace MallPortal.Areas.Admin.Risk;

/// <summary>The risk rules as the admin edits them (the line in yuan); the Core entity checks the ranges on save.</summary>
public sealed class RiskSettingsForm
{
    public decimal HoldAboveYuan { get; set; }

    public int AttemptLimit { get; set; }

    public int AttemptWindowMinutes { get; set; }

    public int SharedAccountLimit { get; set; }

    public int SharedWindowHours { get; set; }

    public static RiskSettingsForm From(RiskSettingsInput s) => new()
    {
        HoldAboveYuan = s.HoldAbove.Fen / 100m, AttemptLimit = s.AttemptLimit, AttemptWindowMinutes = s.AttemptWindowMinutes,
        SharedAccountLimit = s.SharedAccountLimit, SharedWindowHours = s.SharedWindowHours,
    };

    public RiskSettingsInput ToInput() => new(YuanInput.ToMoney(HoldAboveYuan), AttemptLimit, AttemptWindowMinutes, SharedAccountLimit, SharedWindowHours);
}
