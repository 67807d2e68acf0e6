using MallPortal.Components.Shared;
using MallPortal.Core.Distribution;

namespace MallPortal.Areas.Admin.Distribution;

/// <summary>The distribution settings as the admin edits them; the Core entity checks the ranges on save.</summary>
public sealed class SettingsForm
{
    public ApplyPolicy ApplyPolicy { get; set; }

    public int MaxDepth { get; set; }

    public BindingMode BindingMode { get; set; }

    public int BindingDays { get; set; }

    public bool NewCustomersOnly { get; set; }

    public int ProtectionDays { get; set; }

    public int CookieDays { get; set; }

    /// <summary>The per-line commission cap in percent (30 = 30 %), two decimals.</summary>
    public decimal CommissionCapPercent { get; set; }

    public int SettleAfterDays { get; set; }

    public decimal MinWithdrawalYuan { get; set; }

    public decimal WithdrawalFeePercent { get; set; }

    public decimal DailyLimitYuan { get; set; }

    public decimal AutoApproveYuan { get; set; }

    public static SettingsForm From(DistributionSettingsInput s) => new()
    {
        ApplyPolicy = s.ApplyPolicy, MaxDepth = s.MaxDepth, BindingMode = s.BindingMode, BindingDays = s.BindingDays,
        NewCustomersOnly = s.NewCustomersOnly, ProtectionDays = s.ProtectionDays, CookieDays = s.CookieDays,
        CommissionCapPercent = RateInput.ToPercent(s.CommissionCapBp), SettleAfterDays = s.SettleAfterDays,
        MinWithdrawalYuan = s.MinWithdrawalFen / 100m, WithdrawalFeePercent = RateInput.ToPercent(s.WithdrawalFeeBp),
        DailyLimitYuan = s.DailyWithdrawalLimitFen / 100m, AutoApproveYuan = s.AutoApproveUpToFen / 100m,
    };

    public DistributionSettingsInput ToInput() => new(ApplyPolicy, MaxDepth, BindingMode, BindingDays, NewCustomersOnly, ProtectionDays, CookieDays,
        RateInput.ToBasisPoints(CommissionCapPercent), SettleAfterDays, YuanInput.ToMoney(MinWithdrawalYuan).Fen, RateInput.ToBasisPoints(WithdrawalFeePercent),
        YuanInput.ToMoney(DailyLimitYuan).Fen, YuanInput.ToMoney(AutoApproveYuan).Fen);
}
