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
            user.PhoneNumber = login.Value;
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
        var trimmed = nickname.Trim();
        if (trimmed.Length == 0 || trimmed.Length > NicknameMaxLength)
        {
            throw new Common.DomainException(
                string.Format(Resources.CoreText.NicknameTooLong, NicknameMaxLength), nameof(Nickname));
        }
        Nickname = trimmed;
    }

    public void ChangeAvatar(string? path) => AvatarPath = path;
}
