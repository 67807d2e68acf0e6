using System.Security.Claims;
using MallPortal.Core.Accounts;

namespace MallPortal.Hosting;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The nickname from the cookie, falling back to the login name.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(MallUserClaimsPrincipalFactory.NicknameClaim) ?? user.Identity?.Name ?? "";
}
