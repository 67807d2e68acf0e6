using MallPortal.Core.Resources;
using Microsoft.AspNetCore.Identity;

namespace MallPortal.Core.Accounts;

/// <summary>Identity's messages in the user's language, for the rules MallPortal turns on.</summary>
public sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = CoreText.OperationFailed };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = string.Format(CoreText.PasswordTooShort, length) };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = CoreText.PasswordRequiresUnique };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = CoreText.AccountTaken };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = CoreText.EmailTaken };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = CoreText.InvalidEmail };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = CoreText.InvalidLogin };
}
