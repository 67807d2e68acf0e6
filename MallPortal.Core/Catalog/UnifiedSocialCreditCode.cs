namespace MallPortal.Core.Catalog;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S, V),
/// the last one a check character over the first 17 with weights 3^i mod 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper-cases and trims; true only for 18 valid characters with the right check character.</summary>
    public static bool IsValid(string? input, out string normalized)
    {
        normalized = (input ?? "").Trim().ToUpperInvariant();
        if (normalized.Length != 18 || normalized.Any(c => !Alphabet.Contains(c)))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(normalized[i]) * Weights[i];
        }
        var check = (31 - sum % 31) % 31;
        return normalized[17] == Alphabet[check];
    }
}
