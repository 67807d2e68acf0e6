using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Accounts;

/// <summary>
/// The signed-in person's claims: id, name, e-mail, security stamp and roles, from the user row and one query for the
/// role names. MallPortal keeps no claims on users or roles (their tables stay empty), so Identity's own factory's two
/// extra reads per role and one per user are skipped; it runs at every sign-in and every session check (issue 15).
/// </summary>
public sealed class MallClaimsPrincipalFactory(UserManager<MallUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<MallUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MallUser user)
    {
        var claims = Options.ClaimsIdentity;
        var id = new ClaimsIdentity(IdentityConstants.ApplicationScheme, claims.UserNameClaimType, claims.RoleClaimType);
        id.AddClaim(new Claim(claims.UserIdClaimType, await UserManager.GetUserIdAsync(user)));
        id.AddClaim(new Claim(claims.UserNameClaimType, await UserManager.GetUserNameAsync(user) ?? ""));
        if (await UserManager.GetEmailAsync(user) is { Length: > 0 } email)
        {
            id.AddClaim(new Claim(claims.EmailClaimType, email));
        }
        id.AddClaim(new Claim(claims.SecurityStampClaimType, await UserManager.GetSecurityStampAsync(user)));
        foreach (var role in await UserManager.GetRolesAsync(user))
        {
            id.AddClaim(new Claim(claims.RoleClaimType, role));
        }
        return id;
    }
}
