using System.Globalization;
using MallPortal.Core.Accounts;
using MallPortal.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics.History;

internal sealed record HistoryBuyer(int UserId, string Nickname, string Mobile, HistoryRegions.Region Region);

/// <summary>
/// The generated buyers: plain consumer accounts named history-buyer-0001 (历史买家0001) without a password, so nobody can
/// sign in as one and they are never mistaken for the demo's logins. Reused by later runs; each lives in a fixed province.
/// </summary>
internal static class HistoryBuyers
{
    public const string UserNamePrefix = "history-buyer-";

    public static async Task<IReadOnlyList<HistoryBuyer>> EnsureAsync(MallDbContext db, int count, DateTime createdAt, CancellationToken cancellationToken)
    {
        var existing = await db.Users.Where(u => u.UserName!.StartsWith(UserNamePrefix)).Select(u => u.UserName!).ToListAsync(cancellationToken);
        var missing = Enumerable.Range(1, count).Select(UserName).Except(existing).ToList();
        if (missing.Count > 0)
        {
            var consumer = await db.Roles.Where(r => r.Name == Roles.Consumer).Select(r => r.Id).SingleAsync(cancellationToken);
            var users = missing.Select(name => Create(name, createdAt)).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync(cancellationToken);
            db.UserRoles.AddRange(users.Select(u => new IdentityUserRole<int> { UserId = u.Id, RoleId = consumer }));
            await db.SaveChangesAsync(cancellationToken);
        }
        // By prefix rather than a list of names: a large pool would exceed SQLite's limit of bound parameters.
        var ids = await db.Users.Where(u => u.UserName!.StartsWith(UserNamePrefix)).ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        return Enumerable.Range(1, count).Select(i => Buyer(ids[UserName(i)], i)).ToList();
    }

    private static string UserName(int index) => UserNamePrefix + index.ToString("D4", CultureInfo.InvariantCulture);

    private static MallUser Create(string userName, DateTime createdAt)
    {
        var number = userName[UserNamePrefix.Length..];
        // Register wants a login; the e-mail it sets is dropped at once: a history buyer has no contact and no password.
        var user = MallUser.Register(new LoginIdentifier(LoginKind.Email, userName), "历史买家" + number, createdAt);
        user.Email = null;
        user.NormalizedUserName = userName.ToUpperInvariant();
        return user;
    }

    /// <summary>A buyer's province and mobile follow from its number alone, so every run places it in the same place.</summary>
    private static HistoryBuyer Buyer(int userId, int index)
    {
        var region = HistoryRegions.Pick(new Random(index));
        return new HistoryBuyer(userId, "历史买家" + index.ToString("D4", CultureInfo.InvariantCulture),
            "199" + index.ToString("D8", CultureInfo.InvariantCulture), region);
    }
}
