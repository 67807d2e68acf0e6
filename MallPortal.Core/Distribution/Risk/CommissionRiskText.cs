using MallPortal.Core.Resources;

namespace MallPortal.Core.Distribution.Risk;

/// <summary>Each abuse signal said in the user's language, for the admin's queue and the distributor's ledger.</summary>
public static class CommissionRiskText
{
    public static string Describe(CommissionRisk risk) => string.Join(CoreText.ListSeparator, Enum.GetValues<CommissionRisk>()
        .Where(r => r != CommissionRisk.None && risk.HasFlag(r)).Select(Name));

    public static string Name(CommissionRisk risk) => risk switch
    {
        CommissionRisk.SharedPhone => CoreText.RiskSharedPhone,
        CommissionRisk.SharedAddress => CoreText.RiskSharedAddress,
        CommissionRisk.SharedDevice => CoreText.RiskSharedDevice,
        CommissionRisk.SelfDealing => CoreText.RiskSelfDealing,
        _ => CoreText.RiskRefundBurst,
    };
}
