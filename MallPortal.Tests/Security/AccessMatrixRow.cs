using System.Net;

namespace MallPortal.Tests.Security;

/// <summary>Who may use a route.</summary>
public enum Access
{
    Anyone,
    SignedIn,
    Merchant,
    Distributor,
    Admin,
    MerchantOrAdmin,
}

/// <summary>
/// One route of the matrix: who may use it, the address to try, and for a resource route (one with a number, id or code)
/// which parties own the resource at that address, what everyone else sees instead ("not found", the same as for an address
/// that names nothing) and words of the owner's data that must not reach them.
/// </summary>
public sealed record AccessMatrixRow(string Method, string Pattern, Access Access, Func<AccessMatrixResources, string> Address)
{
    public HttpStatusCode Success { get; init; } = HttpStatusCode.OK;

    /// <summary>A JSON or file endpoint: it answers 401/403 (or the cookie's redirects, if it says so) instead of a page.</summary>
    public bool Api { get; init; }

    public Party[]? Owners { get; init; }

    public Func<AccessMatrixResources, string>? Missing { get; init; }

    public string? NotFoundText { get; init; }

    public Func<AccessMatrixResources, string[]> Secrets { get; init; } = _ => [];

    /// <summary>The owner's answer shows the secrets: proof the words checked for absence are really the resource's.</summary>
    public bool OwnerSeesSecrets { get; init; }

    /// <summary>For POST rows: the form posted (none is an empty form).</summary>
    public IReadOnlyDictionary<string, string>? Form { get; init; }

    public string? Json { get; init; }

    public bool IsResource => Owners is not null;

    public override string ToString() => $"{Method} {Pattern}";
}
