using MallPortal.Core.Common;
using MallPortal.Core.Notifications;
using MallPortal.Core.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Accounts;

/// <summary>Changing the mobile number or e-mail one logs in with, and confirming an e-mail address.</summary>
public sealed class ContactService(
    UserManager<MallUser> users, VerificationCodeService codes, NotificationService notifications,
    BusinessTimeZone timeZone, TimeProvider clock)
{
    /// <summary>Sends the code to the new contact, only after the password is right.</summary>
    public async Task SendCodeAsync(Actor actor, string? password, string? newContact, LoginKind kind, string clientIp,
        CancellationToken cancellationToken = default)
    {
        var (_, contact) = await CheckAsync(actor, password, newContact, kind, cancellationToken);
        await codes.SendAsync(contact, VerificationPurpose.ChangeContact, clientIp, cancellationToken);
    }

    /// <summary>Needs the current password and the code sent to the new contact; both old and new contact are told.</summary>
    public async Task ChangeAsync(Actor actor, string? password, string? newContact, LoginKind kind, string? code,
        CancellationToken cancellationToken = default)
    {
        var (user, contact) = await CheckAsync(actor, password, newContact, kind, cancellationToken);
        var isMobile = kind == LoginKind.Mobile;
        var taken = isMobile
            ? await users.Users.AnyAsync(u => u.PhoneNumber == contact.Value, cancellationToken)
            : await users.FindByEmailAsync(contact.Value) is not null;
        if (taken)
        {
            throw new DomainException(string.Format(CoreText.ContactInUse, KindText(kind)), "Login");
        }
        await codes.VerifyAsync(contact, VerificationPurpose.ChangeContact, code, cancellationToken);

        var old = isMobile ? user.PhoneNumber : user.Email;
        if (isMobile)
        {
            user.ChangePhone(contact.Value);
        }
        else
        {
            user.ChangeEmail(contact.Value);
        }
        AccountErrors.ThrowOnFailure(await users.UpdateAsync(user), "Login");
        await users.UpdateSecurityStampAsync(user);
        var values = new Dictionary<string, string>
        {
            ["kind"] = KindText(kind),
            ["contact"] = contact.Masked(),
            ["time"] = timeZone.Format(clock.GetUtcNow().UtcDateTime),
        };
        await notifications.NotifyAsync(user.Id, NotificationTemplates.ContactChanged, values, "/account", cancellationToken);
        if (old is not null)
        {
            // The old number or address is the one that must hear of a change its owner did not make.
            await notifications.SendToContactAsync(LoginIdentifier.Parse(old), NotificationTemplates.ContactChanged, values,
                cancellationToken: cancellationToken);
        }
    }

    /// <summary>Mails a confirmation link to the user's e-mail address, if it is not confirmed yet.</summary>
    public async Task SendEmailConfirmationAsync(Actor actor, Func<int, string, string> linkFor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString()) ?? throw new DomainException(CoreText.NotAllowed);
        if (user.Email is null || user.EmailConfirmed)
        {
            return;
        }
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await notifications.SendToContactAsync(LoginIdentifier.Parse(user.Email), NotificationTemplates.EmailConfirmation,
            new Dictionary<string, string> { ["link"] = linkFor(user.Id, token) }, cancellationToken: cancellationToken);
    }

    public async Task ConfirmEmailAsync(int userId, string token)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new DomainException(CoreText.EmailConfirmInvalid);
        var result = await users.ConfirmEmailAsync(user, token);
        if (!result.Succeeded)
        {
            throw new DomainException(CoreText.EmailConfirmInvalid);
        }
    }

    private async Task<(MallUser User, LoginIdentifier Contact)> CheckAsync(
        Actor actor, string? password, string? newContact, LoginKind kind, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString()) ?? throw new DomainException(CoreText.NotAllowed);
        if (!await users.HasPasswordAsync(user))
        {
            throw new DomainException(CoreText.SetPasswordFirst, "Password");
        }
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            throw new DomainException(CoreText.WrongPassword, "Password");
        }
        if (!LoginIdentifier.TryParse(newContact, out var contact) || contact!.Kind != kind)
        {
            throw new DomainException(kind == LoginKind.Mobile ? CoreText.InvalidMobile : CoreText.InvalidEmail, "Login");
        }
        var current = kind == LoginKind.Mobile ? user.PhoneNumber : user.Email;
        if (string.Equals(current, contact.Value, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(string.Format(CoreText.SameContact, KindText(kind)), "Login");
        }
        cancellationToken.ThrowIfCancellationRequested();
        return (user, contact);
    }

    private static string KindText(LoginKind kind) => kind == LoginKind.Mobile ? CoreText.KindMobile : CoreText.KindEmail;
}
