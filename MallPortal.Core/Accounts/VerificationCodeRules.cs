namespace MallPortal.Core.Accounts;

/// <summary>
/// The limits of verification codes: at least as strict as Aliyun's default flow control for one
/// number (1 a minute, 5 an hour, 10 a day), so the provider never has to refuse us.
/// </summary>
public sealed record VerificationCodeRules
{
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan ResendCooldown { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxPerHour { get; init; } = 5;

    public int MaxPerDay { get; init; } = 10;

    public int MaxPerClientIpPerHour { get; init; } = 30;

    public int MaxWrongAttempts { get; init; } = 5;
}
