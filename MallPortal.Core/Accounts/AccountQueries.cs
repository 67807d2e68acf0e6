using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Accounts;

/// <summary>Read side of accounts: a user's own profile, and the admin's user list and counts.</summary>
public sealed class AccountQueries(IDbContextFactory<MallDbContext> contexts, TimeProvider clock)
{
    public async Task<ProfileDetails> GetProfileAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == actor.UserId, cancellationToken);
        var roles = await RolesOfAsync(db, [user.Id], cancellationToken);
        return new ProfileDetails(user.Nickname, user.PhoneNumber, user.Email, user.EmailConfirmed, user.PasswordHash is not null,
            user.AvatarPath, user.Gender, user.Birthday, user.CreatedAt, roles.GetValueOrDefault(user.Id, []));
    }

    /// <summary>The signed-in user's nickname as stored now (the app bar shows it).</summary>
    public async Task<string> GetNicknameAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Nickname).SingleAsync(cancellationToken);
    }

    /// <summary>Users per role, for the admin overview.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountUsersByRoleAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                group ur by r.Name into g
                select new { Role = g.Key!, Count = g.Count() })
            .ToDictionaryAsync(x => x.Role, x => x.Count, cancellationToken);
        return Roles.All.ToDictionary(r => r, r => counts.GetValueOrDefault(r));
    }

    /// <summary>The admin's user list, newest first, searched by mobile, e-mail or nickname, paged in SQL.</summary>
    public async Task<Page<UserRow>> ListUsersAsync(
        Actor actor, string? search, int pageIndex, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            // E-mail is matched on Identity's upper-cased copy, so the search ignores case on both providers.
            var upper = term.ToUpperInvariant();
            query = query.Where(u => u.Nickname.Contains(term)
                || (u.PhoneNumber != null && u.PhoneNumber.Contains(term))
                || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)));
        }
        var total = await query.CountAsync(cancellationToken);
        var users = await query.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id)
            .Skip(pageIndex * pageSize).Take(pageSize)
            .Select(u => new { u.Id, u.Nickname, u.PhoneNumber, u.Email, u.CreatedAt, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var roles = await RolesOfAsync(db, users.Select(u => u.Id).ToList(), cancellationToken);
        var rows = users.Select(u => new UserRow(u.Id, u.Nickname, u.PhoneNumber, u.Email, u.CreatedAt,
            u.LockoutEnd is not null && u.LockoutEnd > clock.GetUtcNow(), roles.GetValueOrDefault(u.Id, []))).ToList();
        return new Page<UserRow>(rows, total);
    }

    private static async Task<Dictionary<int, IReadOnlyList<string>>> RolesOfAsync(
        MallDbContext db, List<int> userIds, CancellationToken cancellationToken)
    {
        var pairs = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where userIds.Contains(ur.UserId)
                select new { ur.UserId, Role = r.Name! })
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Role).Order().ToList());
    }
}

public sealed record ProfileDetails(
    string Nickname, string? PhoneNumber, string? Email, bool EmailConfirmed, bool HasPassword, string? AvatarPath,
    Gender Gender, DateOnly? Birthday, DateTime CreatedAt, IReadOnlyList<string> Roles)
{
    /// <summary>The web address of the avatar, or null for the initial-letter placeholder.</summary>
    public string? AvatarUrl => Files.FileUrls.Of(AvatarPath);
}

public sealed record UserRow(
    int Id, string Nickname, string? PhoneNumber, string? Email, DateTime CreatedAt, bool IsLockedOut, IReadOnlyList<string> Roles);
