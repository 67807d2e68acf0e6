using MallPortal.Core.Resources;

namespace MallPortal.Core.Common;

/// <summary>
/// Who is acting, passed explicitly into every service call. Services check roles and ownership
/// themselves; a page guard is never the security boundary.
/// </summary>
public sealed record Actor(int UserId, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>Throws the standard "no permission" <see cref="DomainException"/> unless the actor has the role.</summary>
    public void Require(string role)
    {
        if (!IsInRole(role))
        {
            throw new DomainException(CoreText.NotAllowed);
        }
    }
}
