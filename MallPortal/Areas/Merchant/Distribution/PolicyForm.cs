using MallPortal.Components.Shared;
using MallPortal.Core.Distribution.Commissions;

namespace MallPortal.Areas.Merchant.Distribution;

/// <summary>The shop's commission policy as the merchant edits it: rates in percent; Core checks levels and the cap on save.</summary>
public sealed class PolicyForm
{
    public bool Enabled { get; set; }

    public int Levels { get; set; }

    public decimal[] RatePercents { get; set; } = new decimal[3];

    public CommissionBase Base { get; set; }

    public bool SelfPurchase { get; set; }

    public int Version { get; set; }

    public static PolicyForm From(CommissionPolicyInput p) => new()
    {
        Enabled = p.Enabled, Levels = p.Levels, Base = p.Base, SelfPurchase = p.SelfPurchase, Version = p.Version,
        RatePercents = [RateInput.ToPercent(p.Level1Bp), RateInput.ToPercent(p.Level2Bp), RateInput.ToPercent(p.Level3Bp)],
    };

    public CommissionPolicyInput ToInput() => new(Enabled, Levels, RateInput.ToBasisPoints(RatePercents[0]), RateInput.ToBasisPoints(RatePercents[1]),
        RateInput.ToBasisPoints(RatePercents[2]), Base, SelfPurchase, Version);
}
