using MallPortal.Core.Common;
using MallPortal.Core.Notifications;
using MallPortal.Core.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Accounts;

/// <summary>
/// Password change and recovery. Every change renews the security stamp, which signs the user out
/// everywhere else, and tells the user through the security channel.
/// </summary>
public sealed class PasswordService(
    UserManager<MallUser> users, VerificationCodeService codes, NotificationService notifications,
    BusinessTimeZone timeZone, TimeProvider clock)
{
    /// <summary>Changes (or, for an SMS-only account, sets) the password of the acting user.</summary>
    public async Task ChangeAsync(Actor actor, string? currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString()) ?? throw new DomainException(CoreText.NotAllowed);
        IdentityResult result;
        if (await users.HasPasswordAsync(user))
        {
            if (string.IsNullOrEmpty(currentPassword) || !await users.CheckPasswordAsync(user, currentPassword))
            {
                throw new DomainException(CoreText.WrongPassword, "CurrentPassword");
            }
            if (currentPassword == newPassword)
            {
                throw new DomainException(CoreText.SamePassword, "NewPassword");
            }
            result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        }
        else
        {
            result = await users.AddPasswordAsync(user, newPassword);
        }
        AccountErrors.ThrowOnFailure(result, "NewPassword");
        await users.UpdateSecurityStampAsync(user);
        await NotifyChangedAsync(user, cancellationToken);
    }

    /// <summary>Resets the password with an SMS or e-mail code (purpose ResetPassword).</summary>
    public async Task ResetWithCodeAsync(string? login, string? code, string newPassword, CancellationToken cancellationToken = default)
    {
        var contact = LoginIdentifier.Parse(login);
        await codes.VerifyAsync(contact, VerificationPurpose.ResetPassword, code, cancellationToken);
        var user = await FindAsync(contact) ?? throw new DomainException(CoreText.CodeWrong, "Code");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await ResetAsync(user, token, newPassword, cancellationToken);
    }

    /// <summary>Mails a reset link when the address belongs to an account; answers the same either way.</summary>
    public async Task SendResetLinkAsync(string? email, Func<int, string, string> linkFor, CancellationToken cancellationToken = default)
    {
        var contact = LoginIdentifier.Parse(email);
        if (contact.Kind != LoginKind.Email || await FindAsync(contact) is not { } user)
        {
            return;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await notifications.SendToContactAsync(contact, NotificationTemplates.PasswordResetLink,
            new Dictionary<string, string> { ["link"] = linkFor(user.Id, token) }, cancellationToken: cancellationToken);
    }

    /// <summary>Resets the password with the token from a mailed link.</summary>
    public async Task ResetWithTokenAsync(int userId, string token, string newPassword, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new DomainException(CoreText.ResetLinkInvalid);
        await ResetAsync(user, token, newPassword, cancellationToken);
    }

    private async Task ResetAsync(MallUser user, string token, string newPassword, CancellationToken cancellationToken)
    {
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Errors.Any(e => e.Code == "InvalidToken"))
        {
            throw new DomainException(CoreText.ResetLinkInvalid);
        }
        AccountErrors.ThrowOnFailure(result, "NewPassword");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await NotifyChangedAsync(user, cancellationToken);
    }

    private Task<MallUser?> FindAsync(LoginIdentifier contact) => contact.Kind == LoginKind.Mobile
        ? users.Users.SingleOrDefaultAsync(u => u.PhoneNumber == contact.Value)
        : users.FindByEmailAsync(contact.Value);

    private Task NotifyChangedAsync(MallUser user, CancellationToken cancellationToken) =>
        notifications.NotifyAsync(user.Id, NotificationTemplates.PasswordChanged,
            new Dictionary<string, string> { ["time"] = timeZone.Format(clock.GetUtcNow().UtcDateTime) }, "/account", cancellationToken);
}
