using System.Text.RegularExpressions;
using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Accounts;

public enum LoginKind
{
    Mobile,
    Email,
}

/// <summary>
/// What a person types into the one "手机号或邮箱" field: a mainland mobile number (11 digits
/// starting 13-19; a +86 / 86 prefix, spaces and dashes are dropped) or an e-mail address
/// (kept as typed, trimmed).
/// </summary>
public sealed partial record LoginIdentifier(LoginKind Kind, string Value)
{
    public static bool TryParse(string? input, out LoginIdentifier? login)
    {
        login = null;
        var text = (input ?? "").Trim();
        if (text.Contains('@'))
        {
            if (EmailPattern().IsMatch(text) && text.Length <= 254)
            {
                login = new LoginIdentifier(LoginKind.Email, text);
            }
            return login is not null;
        }
        var digits = Separators().Replace(text, "");
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        if (MobilePattern().IsMatch(digits))
        {
            login = new LoginIdentifier(LoginKind.Mobile, digits);
        }
        return login is not null;
    }

    public static LoginIdentifier Parse(string? input) =>
        TryParse(input, out var login) ? login! : throw new DomainException(CoreText.InvalidLogin, "Login");

    /// <summary>"用户5678" for a mobile number, the e-mail's local part otherwise.</summary>
    public string DefaultNickname()
    {
        if (Kind == LoginKind.Mobile)
        {
            return string.Format(CoreText.DefaultNickname, Value[^4..]);
        }
        var local = Value[..Value.IndexOf('@')];
        return local.Length > MallUser.NicknameMaxLength ? local[..MallUser.NicknameMaxLength] : local;
    }

    /// <summary>138****5678 / z***@example.com, for lists and logs.</summary>
    public string Masked() => Kind == LoginKind.Mobile
        ? Value[..3] + "****" + Value[^4..]
        : Value[..1] + "***" + Value[Value.IndexOf('@')..];

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[\s\-]")]
    private static partial Regex Separators();
}
