using Microsoft.AspNetCore.Identity;

namespace MallPortal.Core.Accounts;

/// <summary>
/// A person with a login. Registered by mainland mobile number or e-mail (the identifier they
/// registered with is also the Identity user name); every user is a Consumer, other roles are
/// granted on approval.
/// </summary>
public class MallUser : IdentityUser<int>
{
    public const int NicknameMaxLength = 32;

    protected MallUser()
    {
    }

    public string Nickname { get; private set; } = "";

    public string? AvatarPath { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Gender Gender { get; private set; }

    public DateOnly? Birthday { get; private set; }

    public static MallUser Register(LoginIdentifier login, string? nickname, DateTime nowUtc)
    {
        var user = new MallUser
        {
            UserName = login.Value,
            CreatedAt = nowUtc,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        if (login.Kind == LoginKind.Mobile)
        {
            // Phone accounts are only ever created after a code to that phone was checked.
            user.PhoneNumber = login.Value;
            user.PhoneNumberConfirmed = true;
        }
        else
        {
            user.Email = login.Value;
        }
        user.Rename(string.IsNullOrWhiteSpace(nickname) ? login.DefaultNickname() : nickname);
        return user;
    }

    public void Rename(string nickname)
    {
        var trimmed = (nickname ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new Common.DomainException(Resources.CoreText.NicknameRequired, nameof(Nickname));
        }
        if (trimmed.Length > NicknameMaxLength)
        {
            throw new Common.DomainException(
                string.Format(Resources.CoreText.NicknameTooLong, NicknameMaxLength), nameof(Nickname));
        }
        Nickname = trimmed;
    }

    public void ChangeAvatar(string? path) => AvatarPath = path;

    /// <summary>Profile details; a birthday must be a real past date (and not before 1900).</summary>
    public void UpdateProfile(string nickname, Gender gender, DateOnly? birthday, DateOnly today)
    {
        if (birthday is { } day && (day > today || day.Year < 1900))
        {
            throw new Common.DomainException(Resources.CoreText.InvalidBirthday, nameof(Birthday));
        }
        Rename(nickname);
        Gender = gender;
        Birthday = birthday;
    }

    /// <summary>A verified new mobile number; the login name follows when it was the old number.</summary>
    public void ChangePhone(string phone)
    {
        if (UserName == PhoneNumber)
        {
            UserName = phone;
        }
        PhoneNumber = phone;
        PhoneNumberConfirmed = true;
    }

    /// <summary>A verified new e-mail address; the login name follows when it was the old address.</summary>
    public void ChangeEmail(string email)
    {
        if (UserName is not null && UserName == Email)
        {
            UserName = email;
        }
        Email = email;
        EmailConfirmed = true;
    }
}
