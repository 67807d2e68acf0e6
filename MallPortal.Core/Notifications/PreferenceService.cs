using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Notifications;

/// <summary>A user's SMS / e-mail choices per category. Security is shown but cannot be turned off.</summary>
public sealed class PreferenceService(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<IReadOnlyList<PreferenceRow>> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == actor.UserId)
            .ToDictionaryAsync(p => p.Category, cancellationToken);
        return Enum.GetValues<NotificationCategory>().Select(c =>
        {
            var isSecurity = c == NotificationCategory.Security;
            var (sms, email) = !isSecurity && stored.TryGetValue(c, out var p) ? (p.Sms, p.Email) : NotificationPreference.Default(c);
            return new PreferenceRow(c, sms, email, isSecurity);
        }).ToList();
    }

    public async Task SaveAsync(Actor actor, IReadOnlyList<PreferenceRow> rows, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.NotificationPreferences.Where(p => p.UserId == actor.UserId)
            .ToDictionaryAsync(p => p.Category, cancellationToken);
        foreach (var row in rows.Where(r => r.Category != NotificationCategory.Security))
        {
            if (stored.TryGetValue(row.Category, out var existing))
            {
                existing.Change(row.Sms, row.Email);
            }
            else
            {
                db.NotificationPreferences.Add(new NotificationPreference(actor.UserId, row.Category, row.Sms, row.Email));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record PreferenceRow(NotificationCategory Category, bool Sms, bool Email, bool Locked);
