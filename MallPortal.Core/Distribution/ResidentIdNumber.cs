using System.Globalization;

namespace MallPortal.Core.Distribution;

/// <summary>
/// 居民身份证号码 (GB 11643-1999): 17 digits and a check character (0-9 or X) computed as ISO 7064 MOD 11-2,
/// with the birth date in characters 7-14, which must be a real date, not in the future and at most 120 years ago.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsValid(string? input, DateOnly today, out string normalized)
    {
        normalized = (input ?? "").Trim().ToUpperInvariant();
        if (normalized.Length != 18 || !normalized[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(normalized[17]) || normalized[17] == 'X'))
        {
            return false;
        }
        if (!DateOnly.TryParseExact(normalized[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth > today || birth < today.AddYears(-120))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (normalized[i] - '0') * Weights[i];
        }
        return normalized[17] == CheckCharacters[sum % 11];
    }

    /// <summary>Shown everywhere but to reviewers: the first six and the last four characters (110105********1234).</summary>
    public static string Mask(string number) =>
        number.Length < 10 ? new string('*', number.Length) : number[..6] + new string('*', number.Length - 10) + number[^4..];
}
