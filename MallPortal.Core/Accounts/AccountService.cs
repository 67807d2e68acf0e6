using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Accounts;

/// <summary>Registration and the look-up behind the one "手机号或邮箱" login field.</summary>
public sealed class AccountService(UserManager<MallUser> users, MallDbContext db, TimeProvider clock)
{
    /// <summary>Creates a Consumer; nothing is created when any rule fails.</summary>
    public async Task<int> RegisterAsync(RegisterInput input, CancellationToken cancellationToken = default)
    {
        var login = LoginIdentifier.Parse(input.Login);
        if (await FindAsync(login, cancellationToken) is not null)
        {
            throw new DomainException(
                login.Kind == LoginKind.Mobile ? CoreText.PhoneTaken : CoreText.EmailTaken, nameof(input.Login));
        }
        var user = MallUser.Register(login, input.Nickname, clock.GetUtcNow().UtcDateTime);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ThrowOnFailure(await users.CreateAsync(user, input.Password));
        ThrowOnFailure(await users.AddToRoleAsync(user, Roles.Consumer));
        await transaction.CommitAsync(cancellationToken);
        return user.Id;
    }

    /// <summary>The user a login name (mobile number or e-mail) belongs to, or null.</summary>
    public async Task<MallUser?> FindForLoginAsync(string? input, CancellationToken cancellationToken = default) =>
        LoginIdentifier.TryParse(input, out var login) ? await FindAsync(login!, cancellationToken) : null;

    private async Task<MallUser?> FindAsync(LoginIdentifier login, CancellationToken cancellationToken) =>
        login.Kind == LoginKind.Mobile
            ? await users.Users.SingleOrDefaultAsync(u => u.PhoneNumber == login.Value, cancellationToken)
            : await users.FindByEmailAsync(login.Value);

    private static void ThrowOnFailure(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }
        var first = result.Errors.First();
        var field = first.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "Login";
        throw new DomainException(string.Join("；", result.Errors.Select(e => e.Description)), field);
    }
}

public sealed record RegisterInput(string Login, string Password, string? Nickname = null);
