using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Accounts;

/// <summary>The platform's admins: to alert them, or (the demo seeders) to act as the first of them.</summary>
internal static class AdminLookup
{
    public static IQueryable<int> Ids(MallDbContext db) =>
        from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur.UserId;

    public static async Task<Actor> FirstAsync(MallDbContext db, CancellationToken cancellationToken) =>
        new(await Ids(db).FirstAsync(cancellationToken), new HashSet<string> { Roles.Admin });
}
