using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Notifications;

/// <summary>A user's own inbox: list, unread count, mark read. Nobody reads another user's messages.</summary>
public sealed class InboxService(IDbContextFactory<MallDbContext> contexts, ILiveUpdates live, TimeProvider clock)
{
    public async Task<Page<InboxRow>> ListAsync(Actor actor, bool unreadOnly, int pageIndex, int pageSize,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(pageIndex * pageSize).Take(pageSize)
            .Select(n => new InboxRow(n.Id, n.Category, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return new Page<InboxRow>(rows, total);
    }

    public async Task<int> CountUnreadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks one message read; another user's message id is treated as not found.</summary>
    public async Task MarkReadAsync(Actor actor, long notificationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(
            n => n.Id == notificationId && n.UserId == actor.UserId, cancellationToken)
            ?? throw new DomainException(Resources.CoreText.NotificationNotFound);
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new InboxChanged(actor.UserId), cancellationToken);
    }

    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        await live.PublishAsync(new InboxChanged(actor.UserId), cancellationToken);
        return changed;
    }
}

public sealed record InboxRow(long Id, NotificationCategory Category, string Title, string Body, string? Link, DateTime CreatedAt, bool IsRead);
