using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace MallPortal.Components.Account;

/// <summary>The absolute links mailed for e-mail confirmation and password reset (token Base64Url-encoded).</summary>
internal static class AccountLinks
{
    public static Func<int, string, string> EmailConfirmation(NavigationManager navigation) =>
        (userId, token) => Build(navigation, "Account/ConfirmEmail", userId, token);

    public static Func<int, string, string> PasswordReset(NavigationManager navigation) =>
        (userId, token) => Build(navigation, "Account/ResetPassword", userId, token);

    public static string DecodeToken(string? token)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token ?? ""));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static string Build(NavigationManager navigation, string page, int userId, string token) =>
        navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(page).AbsoluteUri, new Dictionary<string, object?>
        {
            ["userId"] = userId,
            ["token"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
}
