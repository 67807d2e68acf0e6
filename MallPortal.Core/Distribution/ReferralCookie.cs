namespace MallPortal.Core.Distribution;

/// <summary>The attribution cookie's value: the link's code and when it was set ("K7M2Q9P.1764655200").</summary>
public sealed record ReferralCookie(string Code, DateTime IssuedAt)
{
    public const string Name = "mp_ref";

    public override string ToString() => $"{Code}.{new DateTimeOffset(IssuedAt, TimeSpan.Zero).ToUnixTimeSeconds()}";

    public static ReferralCookie? Parse(string? value)
    {
        var parts = (value ?? "").Split('.');
        return parts.Length == 2 && ShortCodes.TryNormalize(parts[0], ShortCodes.LinkLength, out var code) && long.TryParse(parts[1], out var seconds)
            && seconds > 0 && seconds < 32503680000
            ? new ReferralCookie(code, DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime)
            : null;
    }
}
