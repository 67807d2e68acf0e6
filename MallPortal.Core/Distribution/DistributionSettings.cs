using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution;

public enum ApplyPolicy
{
    /// <summary>Anyone signed in may apply (default).</summary>
    Anyone,

    /// <summary>Only people who arrive with a distributor's invite code.</summary>
    InvitedOnly,
}

public enum BindingMode
{
    /// <summary>The first distributor keeps the customer for good.</summary>
    FirstTouchPermanent,

    /// <summary>The binding lasts N days; after that the next link binds anew.</summary>
    ValidForDays,

    /// <summary>The latest link wins (outside a protection period).</summary>
    LastTouch,
}

/// <summary>The platform's distribution rules: one row, edited by the admin.</summary>
public class DistributionSettings
{
    /// <summary>More than three levels is treated as pyramid selling in China (禁止传销条例); WeChat allows two.</summary>
    public const int HardMaxDepth = 3;

    public const int SingletonId = 1;

    /// <summary>Above half of a sale a "commission" is no longer a share of a sale.</summary>
    public const int MaxCommissionCapBp = 5000;

    protected DistributionSettings()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public ApplyPolicy ApplyPolicy { get; private set; } = ApplyPolicy.Anyone;

    /// <summary>How many levels earn commission (and how deep a chain may grow): default 2, hard cap 3.</summary>
    public int MaxDepth { get; private set; } = 2;

    public BindingMode BindingMode { get; private set; } = BindingMode.ValidForDays;

    public int BindingDays { get; private set; } = 30;

    public bool NewCustomersOnly { get; private set; }

    /// <summary>0 = off. Within these days of a binding no other link takes the customer, whatever the mode.</summary>
    public int ProtectionDays { get; private set; }

    /// <summary>How long the attribution cookie of a click lives.</summary>
    public int CookieDays { get; private set; } = 30;

    /// <summary>Mixed into visitor hashes so a stored hash cannot be traced back to an address; made once, at random.</summary>
    public string VisitorSalt { get; private set; } = "";

    /// <summary>All levels of one line together earn at most this share of its paid amount (default 30 %, 直销管理条例's ceiling).</summary>
    public int CommissionCapBp { get; private set; } = 3000;

    /// <summary>售后期: commission becomes withdrawable this many days after receipt, when no after-sale is open (7天无理由).</summary>
    public int SettleAfterDays { get; private set; } = 7;

    public BasisPoints CommissionCap => new(CommissionCapBp);

    /// <summary>The smallest withdrawal (default ¥10).</summary>
    public long MinWithdrawalFen { get; private set; } = 1_000;

    /// <summary>提现手续费, taken from the withdrawn amount (default none).</summary>
    public int WithdrawalFeeBp { get; private set; }

    /// <summary>What one payee may ask for per business day, all requests together (default ¥5,000).</summary>
    public long DailyWithdrawalLimitFen { get; private set; } = 500_000;

    /// <summary>Requests up to this amount from a payee with nothing held or owed are approved at once; 0 = every request is reviewed.</summary>
    public long AutoApproveUpToFen { get; private set; }

    public int Version { get; private set; }

    public static DistributionSettings Defaults() => new() { VisitorSalt = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) };

    public void Change(DistributionSettingsInput input)
    {
        if (input.MaxDepth is < 1 or > HardMaxDepth)
        {
            throw new DomainException(string.Format(CoreText.DistributionDepthRange, HardMaxDepth), nameof(MaxDepth));
        }
        if (input.BindingDays is < 1 or > 3650)
        {
            throw new DomainException(CoreText.DistributionBindingDaysRange, nameof(BindingDays));
        }
        if (input.ProtectionDays is < 0 or > 365)
        {
            throw new DomainException(CoreText.DistributionProtectionDaysRange, nameof(ProtectionDays));
        }
        if (input.CookieDays is < 1 or > 365)
        {
            throw new DomainException(CoreText.DistributionCookieDaysRange, nameof(CookieDays));
        }
        if (input.CommissionCapBp is < 0 or > MaxCommissionCapBp)
        {
            throw new DomainException(string.Format(CoreText.CommissionCapRange, new BasisPoints(MaxCommissionCapBp)), nameof(CommissionCapBp));
        }
        if (input.SettleAfterDays is < 0 or > 90)
        {
            throw new DomainException(CoreText.SettleAfterDaysRange, nameof(SettleAfterDays));
        }
        (ApplyPolicy, MaxDepth, BindingMode, BindingDays, NewCustomersOnly, ProtectionDays, CookieDays) =
            (input.ApplyPolicy, input.MaxDepth, input.BindingMode, input.BindingDays, input.NewCustomersOnly, input.ProtectionDays, input.CookieDays);
        CheckWithdrawalRules(input);
        (CommissionCapBp, SettleAfterDays) = (input.CommissionCapBp, input.SettleAfterDays);
        (MinWithdrawalFen, WithdrawalFeeBp, DailyWithdrawalLimitFen, AutoApproveUpToFen) =
            (input.MinWithdrawalFen, input.WithdrawalFeeBp, input.DailyWithdrawalLimitFen, input.AutoApproveUpToFen);
        Version++;
    }

    public DistributionSettingsInput ToInput() =>
        new(ApplyPolicy, MaxDepth, BindingMode, BindingDays, NewCustomersOnly, ProtectionDays, CookieDays, CommissionCapBp, SettleAfterDays,
            MinWithdrawalFen, WithdrawalFeeBp, DailyWithdrawalLimitFen, AutoApproveUpToFen);

    private static void CheckWithdrawalRules(DistributionSettingsInput input)
    {
        if (input.MinWithdrawalFen is < 1 or > 1_000_000)
        {
            throw new DomainException(CoreText.WithdrawalMinimumRange, nameof(MinWithdrawalFen));
        }
        if (input.WithdrawalFeeBp is < 0 or > 1000)
        {
            throw new DomainException(CoreText.WithdrawalFeeRange, nameof(WithdrawalFeeBp));
        }
        if (input.DailyWithdrawalLimitFen < input.MinWithdrawalFen || input.DailyWithdrawalLimitFen > 100_000_000_00)
        {
            throw new DomainException(CoreText.WithdrawalDailyLimitRange, nameof(DailyWithdrawalLimitFen));
        }
        if (input.AutoApproveUpToFen < 0 || input.AutoApproveUpToFen > input.DailyWithdrawalLimitFen)
        {
            throw new DomainException(CoreText.WithdrawalAutoApproveRange, nameof(AutoApproveUpToFen));
        }
    }
}

public sealed record DistributionSettingsInput(ApplyPolicy ApplyPolicy, int MaxDepth, BindingMode BindingMode, int BindingDays,
    bool NewCustomersOnly, int ProtectionDays, int CookieDays, int CommissionCapBp = 3000, int SettleAfterDays = 7, long MinWithdrawalFen = 1_000,
    int WithdrawalFeeBp = 0, long DailyWithdrawalLimitFen = 500_000, long AutoApproveUpToFen = 0);

internal sealed class DistributionSettingsConfiguration : IEntityTypeConfiguration<DistributionSettings>
{
    public void Configure(EntityTypeBuilder<DistributionSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.VisitorSalt).HasMaxLength(64).IsRequired();
        builder.Ignore(s => s.CommissionCap);
    }
}
