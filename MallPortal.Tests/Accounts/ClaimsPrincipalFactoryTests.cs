using System.Security.Claims;
using MallPortal.Core.Accounts;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MallPortal.Tests.Accounts;

/// <summary>The principal of a sign-in and of every session check, from MallPortal's own factory: id, name, e-mail, stamp, every role.</summary>
public class ClaimsPrincipalFactoryTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task The_principal_carries_the_user_and_all_of_its_roles(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = (await db.InScopeAsync(s => s.GetRequiredService<AccountService>()
            .RegisterAsync(new RegisterInput("Zhang.Wei@Example.com", "secret123", "小张")))).Id;

        await db.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<MallUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            await users.AddToRoleAsync(user, Roles.Merchant);
            var factory = s.GetRequiredService<IUserClaimsPrincipalFactory<MallUser>>();
            Assert.IsType<MallClaimsPrincipalFactory>(factory);

            var principal = await factory.CreateAsync(user);

            var names = s.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
            Assert.Equal(IdentityConstants.ApplicationScheme, principal.Identity!.AuthenticationType);
            Assert.Equal(id.ToString(), principal.FindFirstValue(names.UserIdClaimType));
            Assert.Equal(user.UserName, principal.Identity.Name);
            Assert.Equal("Zhang.Wei@Example.com", principal.FindFirstValue(names.EmailClaimType));
            Assert.Equal(user.SecurityStamp, principal.FindFirstValue(names.SecurityStampClaimType));
            Assert.True(principal.IsInRole(Roles.Consumer));
            Assert.True(principal.IsInRole(Roles.Merchant));
            Assert.False(principal.IsInRole(Roles.Admin));
        });
    }
}
