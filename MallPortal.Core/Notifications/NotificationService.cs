using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Notifications;

/// <summary>
/// The one call every module uses to tell people something: an inbox row, plus SMS and e-mail as
/// the user chose for the category (security messages always go). Called after the cause has
/// committed; publishes <see cref="InboxChanged"/> and wakes the dispatcher.
/// </summary>
public sealed class NotificationService(
    IDbContextFactory<MallDbContext> contexts, ILiveUpdates live, IOutboxSignal signal, TimeProvider clock)
{
    public Task NotifyAsync(int userId, NotificationTemplate template, IReadOnlyDictionary<string, string> values,
        string? link = null, CancellationToken cancellationToken = default) =>
        NotifyManyAsync([userId], template, values, link, cancellationToken);

    /// <summary>The same message to many users (broadcasts), in one transaction.</summary>
    public async Task<int> NotifyManyAsync(IReadOnlyCollection<int> userIds, NotificationTemplate template,
        IReadOnlyDictionary<string, string> values, string? link = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.PhoneNumber, u.Email }).ToListAsync(cancellationToken);
        var preferences = await db.NotificationPreferences
            .Where(p => userIds.Contains(p.UserId) && p.Category == template.Category)
            .ToDictionaryAsync(p => p.UserId, cancellationToken);
        foreach (var user in users)
        {
            var (sms, email) = template.Category == NotificationCategory.Security || !preferences.TryGetValue(user.Id, out var p)
                ? NotificationPreference.Default(template.Category)
                : (p.Sms, p.Email);
            db.Notifications.Add(new Notification(user.Id, template.Category,
                NotificationTemplate.Fill(template.Title, values), NotificationTemplate.Fill(template.Body, values), link, now));
            db.OutboxMessages.AddRange(OutboxFactory.Create(template, values,
                sms ? user.PhoneNumber : null, email ? user.Email : null, user.Id, now));
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var user in users)
        {
            await live.PublishAsync(new InboxChanged(user.Id), cancellationToken);
        }
        signal.Kick();
        return users.Count;
    }

    /// <summary>
    /// An SMS or e-mail to a contact that may have no account yet (verification codes, reset
    /// links): no inbox row, no preferences. With <paramref name="sendNow"/> the caller sends the
    /// returned messages itself (<see cref="OutboxDispatcher.SendNowAsync"/>) and the tick keeps off.
    /// </summary>
    public async Task<IReadOnlyList<long>> SendToContactAsync(LoginIdentifier contact, NotificationTemplate template,
        IReadOnlyDictionary<string, string> values, bool sendNow = false, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var isMobile = contact.Kind == LoginKind.Mobile;
        var messages = OutboxFactory.Create(template, values, isMobile ? contact.Value : null, isMobile ? null : contact.Value, null, now).ToList();
        if (sendNow)
        {
            messages.ForEach(m => m.HoldForImmediateSend(now));
        }
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync(cancellationToken);
        if (!sendNow)
        {
            signal.Kick();
        }
        return messages.Select(m => m.Id).ToList();
    }
}
