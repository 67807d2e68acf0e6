using System.Security.Cryptography;

namespace MallPortal.Core.Distribution;

/// <summary>
/// Codes people read, type and share (invite codes, link codes): random, from digits and capitals without the ones
/// that look alike (0/O, 1/I/L), never a database id.
/// </summary>
public static class ShortCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int InviteLength = 6;

    public const int LinkLength = 7;

    public static string New(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>Upper-cases and trims; false for anything that could not be one of our codes.</summary>
    public static bool TryNormalize(string? input, int length, out string code)
    {
        code = (input ?? "").Trim().ToUpperInvariant();
        return code.Length == length && code.All(c => Alphabet.Contains(c));
    }
}
