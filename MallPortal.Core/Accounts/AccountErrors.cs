using MallPortal.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace MallPortal.Core.Accounts;

internal static class AccountErrors
{
    /// <summary>Identity's failures at the password field when they are about the password, else at the login field.</summary>
    public static void ThrowOnFailure(IdentityResult result) =>
        ThrowOnFailure(result, result.Errors.FirstOrDefault()?.Code.StartsWith("Password", StringComparison.Ordinal) == true ? "Password" : "Login");

    /// <summary>Identity's failures as one <see cref="DomainException"/> at the given field.</summary>
    public static void ThrowOnFailure(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join("；", result.Errors.Select(e => e.Description)), field);
        }
    }
}
