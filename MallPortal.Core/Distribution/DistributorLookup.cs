using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

internal static class DistributorLookup
{
    /// <summary>The acting user's own distributor record; anyone else is refused with the standard message.</summary>
    public static async Task<Distributor> OwnAsync(MallDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Roles.Distributor);
        return await db.Distributors.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == actor.UserId, cancellationToken)
            ?? throw new DomainException(CoreText.NotAllowed);
    }
}
