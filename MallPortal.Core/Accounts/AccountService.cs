using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using MallPortal.Core.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Accounts;

/// <summary>Registration and the look-up behind the one "手机号或邮箱" login field.</summary>
public sealed class AccountService(
    UserManager<MallUser> users, MallDbContext db, VerificationCodeService codes, NotificationService notifications, TimeProvider clock)
{
    /// <summary>
    /// Creates a Consumer with a password. A mobile number needs its SMS code (purpose Register);
    /// an e-mail address is confirmed afterwards by link. Nothing is created when any rule fails.
    /// </summary>
    public async Task<MallUser> RegisterAsync(RegisterInput input, CancellationToken cancellationToken = default)
    {
        var login = LoginIdentifier.Parse(input.Login);
        if (await FindAsync(login, cancellationToken) is not null)
        {
            throw new DomainException(
                login.Kind == LoginKind.Mobile ? CoreText.PhoneTaken : CoreText.EmailTaken, nameof(input.Login));
        }
        var user = MallUser.Register(login, input.Nickname, clock.GetUtcNow().UtcDateTime);
        // The password is checked before the code is used up, so a weak password costs no code.
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, input.Password)).Errors);
        }
        AccountErrors.ThrowOnFailure(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
        if (login.Kind == LoginKind.Mobile)
        {
            await codes.VerifyAsync(login, VerificationPurpose.Register, input.Code, cancellationToken);
        }
        await CreateAsync(user, input.Password, cancellationToken);
        return user;
    }

    /// <summary>Logs in by SMS code; the first login with a new number creates the account.</summary>
    public async Task<MallUser> LoginWithCodeAsync(string? phone, string? code, CancellationToken cancellationToken = default)
    {
        var login = LoginIdentifier.Parse(phone);
        if (login.Kind != LoginKind.Mobile)
        {
            throw new DomainException(CoreText.InvalidMobile, "Login");
        }
        await codes.VerifyAsync(login, VerificationPurpose.Login, code, cancellationToken);
        var existing = await FindAsync(login, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }
        var user = MallUser.Register(login, null, clock.GetUtcNow().UtcDateTime);
        await CreateAsync(user, null, cancellationToken);
        return user;
    }

    private async Task CreateAsync(MallUser user, string? password, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            AccountErrors.ThrowOnFailure(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
            AccountErrors.ThrowOnFailure(await users.AddToRoleAsync(user, Roles.Consumer));
            await transaction.CommitAsync(cancellationToken);
        }
        await notifications.NotifyAsync(user.Id, NotificationTemplates.Welcome,
            new Dictionary<string, string> { ["nickname"] = user.Nickname }, "/account", cancellationToken);
    }

    /// <summary>The user a login name (mobile number or e-mail) belongs to, or null.</summary>
    public async Task<MallUser?> FindForLoginAsync(string? input, CancellationToken cancellationToken = default) =>
        LoginIdentifier.TryParse(input, out var login) ? await FindAsync(login!, cancellationToken) : null;

    private async Task<MallUser?> FindAsync(LoginIdentifier login, CancellationToken cancellationToken) =>
        login.Kind == LoginKind.Mobile
            ? await users.Users.SingleOrDefaultAsync(u => u.PhoneNumber == login.Value, cancellationToken)
            : await users.FindByEmailAsync(login.Value);
}

public sealed record RegisterInput(string Login, string Password, string? Nickname = null, string? Code = null);
