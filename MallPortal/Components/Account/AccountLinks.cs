using System.Text;
using Microsoft.AspNetCore.Components;
using MallPortal.Hosting;
using Microsoft.AspNetCore.WebUtilities;

namespace MallPortal.Components.Account;

/// <summary>
/// The absolute links mailed for e-mail confirmation and password reset (token Base64Url-encoded), on the site's
/// <see cref="PublicAddress"/>: never on a host the request claimed.
/// </summary>
internal static class AccountLinks
{
    public static Func<int, string, string> EmailConfirmation(PublicAddress address, NavigationManager navigation) =>
        (userId, token) => Build(address.BaseFor(navigation.BaseUri), "Account/ConfirmEmail", userId, token);

    public static Func<int, string, string> PasswordReset(PublicAddress address, NavigationManager navigation) =>
        (userId, token) => Build(address.BaseFor(navigation.BaseUri), "Account/ResetPassword", userId, token);

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

    private static string Build(string siteBase, string page, int userId, string token) =>
        QueryHelpers.AddQueryString(siteBase + page, new Dictionary<string, string?>
        {
            ["userId"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["token"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
        });
}
