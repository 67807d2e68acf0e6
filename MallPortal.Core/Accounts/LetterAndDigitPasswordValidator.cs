using MallPortal.Core.Resources;
using Microsoft.AspNetCore.Identity;

namespace MallPortal.Core.Accounts;

/// <summary>A password needs at least one letter and one digit (the common rule of Chinese malls).</summary>
public sealed class LetterAndDigitPasswordValidator : IPasswordValidator<MallUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<MallUser> manager, MallUser user, string? password)
    {
        var ok = password is not null && password.Any(char.IsAsciiLetter) && password.Any(char.IsAsciiDigit);
        return Task.FromResult(ok
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordRequiresLetterAndDigit",
                Description = CoreText.PasswordNeedsLetterAndDigit,
            }));
    }
}
