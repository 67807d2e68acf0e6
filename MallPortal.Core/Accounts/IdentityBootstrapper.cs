using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Accounts;

/// <summary>At start-up: there is at least one administrator (the roles come with the migrations).</summary>
public sealed class IdentityBootstrapper(UserManager<MallUser> users, IOptions<AdminOptions> options, TimeProvider clock)
{
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Returns the generated password when a new admin got one (to print once), else null.</summary>
    public async Task<string?> EnsureAdminAsync()
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return null;
        }

        var admin = options.Value;
        var generated = string.IsNullOrEmpty(admin.Password) ? GeneratePassword() : null;
        var user = MallUser.Register(LoginIdentifier.Parse(admin.Login), admin.Nickname, clock.GetUtcNow().UtcDateTime);
        var created = await users.CreateAsync(user, generated ?? admin.Password!);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "Admin:* settings cannot create the first admin: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRolesAsync(user, [Roles.Admin, Roles.Consumer]);
        return generated;
    }

    private static string GeneratePassword()
    {
        // 14 characters from a CSPRNG, always with letters and digits (the password policy).
        var body = RandomNumberGenerator.GetString(PasswordAlphabet, 12);
        return body + RandomNumberGenerator.GetString("abcdefghjk", 1) + RandomNumberGenerator.GetString("23456789", 1);
    }
}
