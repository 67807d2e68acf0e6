using System.Net;

namespace MallPortal.Tests.Security;

public enum Outcome
{
    Allowed,
    LogIn,
    Denied,
    NotFound,
}

/// <summary>What a party should get from a row, and the check of each kind of answer (null when it holds, else what differs).</summary>
public static class AccessMatrixExpectations
{
    public static bool MayUse(Access access, Party party) => access switch
    {
        Access.Anyone => true,
        Access.SignedIn => party != Party.Anonymous,
        Access.Merchant => party is Party.MerchantA or Party.MerchantB,
        Access.Distributor => party is Party.DistributorA or Party.DistributorB,
        Access.Admin => party == Party.Admin,
        _ => party is Party.MerchantA or Party.MerchantB or Party.Admin,
    };

    public static Outcome Expected(AccessMatrixRow row, Party party) =>
        !MayUse(row.Access, party) ? (party == Party.Anonymous ? Outcome.LogIn : Outcome.Denied)
        : row.IsResource && !row.Owners!.Contains(party) ? Outcome.NotFound
        : Outcome.Allowed;

    public static string? CheckAllowed(AccessMatrixRow row, Party party, Answer answer, AccessMatrixResources resources)
    {
        if (answer.Status != row.Success)
        {
            return $"allowed, expected {(int)row.Success}, got {answer}";
        }
        var missing = row.IsResource && row.OwnerSeesSecrets ? row.Secrets(resources).Where(s => !answer.Body.Contains(s)).ToList() : [];
        return missing.Count == 0 ? null : $"the owner's page lacks its own data {string.Join(", ", missing)}";
    }

    // A JSON endpoint (/api) answers 401 as a problem, never a redirect to a page.
    public static string? CheckLogIn(AccessMatrixRow row, Answer answer) =>
        answer.Status == HttpStatusCode.Redirect && answer.Location?.StartsWith("/Account/Login?ReturnUrl=", StringComparison.Ordinal) == true
        || row.Api && answer.Status == HttpStatusCode.Unauthorized
            ? null : $"anonymous, expected a redirect to log in, got {answer}";

    public static string? CheckDenied(AccessMatrixRow row, Answer answer) =>
        answer.Status == HttpStatusCode.Redirect && answer.Location?.StartsWith("/Account/AccessDenied", StringComparison.Ordinal) == true
        || row.Api && answer.Status == HttpStatusCode.Forbidden
            ? null : $"wrong role, expected access denied, got {answer}";

    /// <summary>Another owner's resource reads exactly like one that does not exist, and shows none of the owner's data.</summary>
    public static string? CheckNotFound(AccessMatrixRow row, Answer answer, Answer missing, AccessMatrixResources resources)
    {
        if (answer.Status != missing.Status)
        {
            return $"another owner's resource answers {answer}, a missing one {missing}: existence leaks";
        }
        if (row.NotFoundText is { } text && !(answer.Body.Contains(text) && missing.Body.Contains(text)))
        {
            return $"expected \"{text}\" for another owner's ({answer.Body.Contains(text)}) and a missing ({missing.Body.Contains(text)}) resource";
        }
        var leaked = row.Secrets(resources).Where(answer.Body.Contains).ToList();
        return leaked.Count == 0 ? null : $"another owner's resource shows {string.Join(", ", leaked)}";
    }
}
