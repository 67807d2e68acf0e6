using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Notifications;

/// <summary>The admin's view of what was sent and what failed; secrets show masked.</summary>
public sealed class OutboxQueries(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<Page<OutboxRow>> ListAsync(Actor actor, OutboxStatus? status, NotificationChannel? channel,
        int pageIndex, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.OutboxMessages.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(m => m.Status == status);
        }
        if (channel is not null)
        {
            query = query.Where(m => m.Channel == channel);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(m => m.Id).Skip(pageIndex * pageSize).Take(pageSize)
            .Select(m => new OutboxRow(m.Id, m.Channel, m.Recipient, m.TemplateKey, m.Subject, m.MaskedBody,
                m.Status, m.Attempts, m.LastError, m.CreatedAt, m.SentAt))
            .ToListAsync(cancellationToken);
        return new Page<OutboxRow>(rows, total);
    }
}

public sealed record OutboxRow(long Id, NotificationChannel Channel, string Recipient, string TemplateKey, string? Subject,
    string MaskedBody, OutboxStatus Status, int Attempts, string? LastError, DateTime CreatedAt, DateTime? SentAt);
