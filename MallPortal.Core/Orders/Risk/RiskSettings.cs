using System.Security.Cryptography;
using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Risk;

/// <summary>The platform's payment risk rules (支付风控规则): one row, edited by the admin. A limit of 0 turns its rule off.</summary>
public class RiskSettings
{
    public const int SingletonId = 1;

    /// <summary>The highest review line the admin may set: ¥100,000,000.</summary>
    public const long MaxLineFen = 100_000_000_00;

    protected RiskSettings()
    {
    }

    public int Id { get; private set; } = SingletonId;

    /// <summary>A payment above this is held for review before its orders reach the merchants (default ¥50,000).</summary>
    public long HoldAboveFen { get; private set; } = 5_000_000;

    /// <summary>At most this many payment attempts per account, device or network in <see cref="AttemptWindowMinutes"/>; the next asks for an SMS code.</summary>
    public int AttemptLimit { get; private set; } = 5;

    public int AttemptWindowMinutes { get; private set; } = 10;

    /// <summary>This many accounts (or more) paying from one device or network within <see cref="SharedWindowHours"/> holds the payment.</summary>
    public int SharedAccountLimit { get; private set; } = 3;

    public int SharedWindowHours { get; private set; } = 24;

    /// <summary>Salts the hashes of devices and networks; never shown.</summary>
    public string Salt { get; private set; } = "";

    public Money HoldAbove => new(HoldAboveFen);

    public static RiskSettings Defaults() => new() { Salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)) };

    /// <summary>Checks every field first, so a bad one changes nothing.</summary>
    internal void Change(RiskSettingsInput input)
    {
        if (input.HoldAbove.Fen is < 0 or > MaxLineFen)
        {
            throw new DomainException(string.Format(CoreText.RiskSettingOutOfRange, CoreText.RiskHoldAbove, Money.Zero, new Money(MaxLineFen)), nameof(input.HoldAbove));
        }
        Check(input.AttemptLimit, 0, 100, nameof(input.AttemptLimit), CoreText.RiskAttemptLimit);
        Check(input.AttemptWindowMinutes, 1, 1440, nameof(input.AttemptWindowMinutes), CoreText.RiskAttemptWindow);
        Check(input.SharedAccountLimit, 0, 100, nameof(input.SharedAccountLimit), CoreText.RiskSharedLimit);
        Check(input.SharedWindowHours, 1, 720, nameof(input.SharedWindowHours), CoreText.RiskSharedWindow);
        if (input.SharedAccountLimit == 1)
        {
            throw new DomainException(CoreText.RiskSharedLimitOne, nameof(input.SharedAccountLimit));
        }
        (HoldAboveFen, AttemptLimit, AttemptWindowMinutes, SharedAccountLimit, SharedWindowHours) =
            (input.HoldAbove.Fen, input.AttemptLimit, input.AttemptWindowMinutes, input.SharedAccountLimit, input.SharedWindowHours);
    }

    public RiskSettingsInput ToInput() => new(HoldAbove, AttemptLimit, AttemptWindowMinutes, SharedAccountLimit, SharedWindowHours);

    private static void Check(long value, long min, long max, string field, string label)
    {
        if (value < min || value > max)
        {
            throw new DomainException(string.Format(CoreText.RiskSettingOutOfRange, label, min, max), field);
        }
    }
}

public sealed record RiskSettingsInput(Money HoldAbove, int AttemptLimit, int AttemptWindowMinutes, int SharedAccountLimit, int SharedWindowHours);

internal sealed class RiskSettingsConfiguration : IEntityTypeConfiguration<RiskSettings>
{
    public void Configure(EntityTypeBuilder<RiskSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Salt).HasMaxLength(64).IsRequired();
        builder.Ignore(s => s.HoldAbove);
    }
}
