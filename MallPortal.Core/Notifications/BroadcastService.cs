using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Notifications;

/// <summary>Platform notices (平台公告) from the admin to every merchant or every distributor.</summary>
public sealed class BroadcastService(IDbContextFactory<MallDbContext> contexts, NotificationService notifications, TimeProvider clock)
{
    /// <summary>Sends the notice and returns how many people it reached.</summary>
    public async Task<int> SendAsync(Actor actor, BroadcastAudience audience, string title, string body,
        CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        title = title.Trim();
        body = body.Trim();
        if (title.Length is 0 or > Broadcast.TitleMaxLength)
        {
            throw new DomainException(string.Format(CoreText.BroadcastTitleLength, Broadcast.TitleMaxLength), "Title");
        }
        if (body.Length is 0 or > Broadcast.BodyMaxLength)
        {
            throw new DomainException(string.Format(CoreText.BroadcastBodyLength, Broadcast.BodyMaxLength), "Body");
        }

        var role = audience == BroadcastAudience.AllMerchants ? Roles.Merchant : Roles.Distributor;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var userIds = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == role
                select ur.UserId)
            .ToListAsync(cancellationToken);
        var reached = await notifications.NotifyManyAsync(userIds, NotificationTemplates.Announcement,
            new Dictionary<string, string> { ["title"] = title, ["body"] = body }, link: null, cancellationToken);
        db.Broadcasts.Add(new Broadcast(actor.UserId, audience, title, body, reached, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return reached;
    }

    public async Task<IReadOnlyList<BroadcastRow>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Broadcasts.AsNoTracking().OrderByDescending(b => b.Id).Take(100)
            .Select(b => new BroadcastRow(b.Id, b.Audience, b.Title, b.Body, b.RecipientCount, b.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}

public sealed record BroadcastRow(int Id, BroadcastAudience Audience, string Title, string Body, int RecipientCount, DateTime CreatedAt);
