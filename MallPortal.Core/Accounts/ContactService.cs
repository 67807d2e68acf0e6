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
    /// <summary>Needs the current password and the code sent to the new contact (purpose ChangeContact).</summary>
    public async Task ChangeAsync(Actor actor, string? password, string? newContact, string? code,
        CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(actor.UserId.ToString()) ?? throw new DomainException(CoreText.NotAllowed);
        var contact = LoginIdentifier.Parse(newContact);
        var isMobile = contact.Kind == LoginKind.Mobile;
        var kind = isMobile ? CoreText.KindMobile : CoreText.KindEmail;
        if (!await users.HasPasswordAsync(user))
        {
            throw new DomainException(CoreText.SetPasswordFirst, "Password");
        }
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            throw new DomainException(CoreText.WrongPassword, "Password");
        }
        if (string.Equals(isMobile ? user.PhoneNumber : user.Email, contact.Value, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(string.Format(CoreText.SameContact, kind), "Login");
        }
        var taken = isMobile
            ? await users.Users.AnyAsync(u => u.PhoneNumber == contact.Value, cancellationToken)
            : await users.FindByEmailAsync(contact.Value) is not null;
        if (taken)
        {
            throw new DomainException(string.Format(CoreText.ContactInUse, kind), "Login");
        }
        await codes.VerifyAsync(contact, VerificationPurpose.ChangeContact, code, cancellationToken);

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
        await notifications.NotifyAsync(user.Id, NotificationTemplates.ContactChanged, new Dictionary<string, string>
        {
            ["kind"] = kind,
            ["contact"] = contact.Masked(),
            ["time"] = timeZone.Format(clock.GetUtcNow().UtcDateTime),
        }, "/account", cancellationToken);
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
}
