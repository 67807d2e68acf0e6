using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Accounts;

/// <summary>Adds the nickname to the sign-in cookie, so pages greet people by name without a query.</summary>
public sealed class MallUserClaimsPrincipalFactory(
    UserManager<MallUser> users, RoleManager<IdentityRole<int>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<MallUser, IdentityRole<int>>(users, roles, options)
{
    public const string NicknameClaim = "mallportal:nickname";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MallUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NicknameClaim, user.Nickname));
        return identity;
    }
}
