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
            var chosen = preferences.TryGetValue(user.Id, out var p) ? (p.Sms, p.Email) : ((bool, bool)?)null;
            Build(user.Id, user.PhoneNumber, user.Email, chosen, template, values, link, now).AddTo(db);
        }
        await db.SaveChangesAsync(cancellationToken);
        await AnnounceAsync(users.Select(u => u.Id).ToList(), cancellationToken);
        return users.Count;
    }

    /// <summary>
    /// The inbox row and outbox messages <see cref="NotifyAsync"/> would write, built now (contact and preferences read
    /// before the cause's transaction) for the caller to add to its own context: they commit with their cause, so none
    /// is lost between the two commits. After the commit the caller calls <see cref="AnnounceAsync"/>.
    /// </summary>
    public async Task<PreparedNotification?> PrepareAsync(MallDbContext db, int userId, NotificationTemplate template,
        IReadOnlyDictionary<string, string> values, string? link, CancellationToken cancellationToken = default)
    {
        var category = template.Category;
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new
        {
            u.Id, u.PhoneNumber, u.Email,
            Sms = db.NotificationPreferences.Where(p => p.UserId == u.Id && p.Category == category).Select(p => (bool?)p.Sms).FirstOrDefault(),
            ByEmail = db.NotificationPreferences.Where(p => p.UserId == u.Id && p.Category == category).Select(p => (bool?)p.Email).FirstOrDefault(),
        }).SingleOrDefaultAsync(cancellationToken);
        return user is null
            ? null
            : Build(user.Id, user.PhoneNumber, user.Email, user.Sms is { } sms ? (sms, user.ByEmail ?? false) : null, template, values, link,
                clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>After the commit: these users' inbox badges reload and the dispatcher wakes for the outbox.</summary>
    public async Task AnnounceAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken = default)
    {
        foreach (var userId in userIds)
        {
            await live.PublishAsync(new InboxChanged(userId), cancellationToken);
        }
        signal.Kick();
    }

    /// <param name="chosen">The user's SMS and e-mail choice for the category, null when never set.</param>
    private static PreparedNotification Build(int userId, string? phone, string? email, (bool Sms, bool Email)? chosen,
        NotificationTemplate template, IReadOnlyDictionary<string, string> values, string? link, DateTime now)
    {
        var (bySms, byEmail) = template.Category == NotificationCategory.Security || chosen is not { } choice
            ? NotificationPreference.Default(template.Category)
            : choice;
        return new PreparedNotification(userId,
            new Notification(userId, template.Category, NotificationTemplate.Fill(template.Title, values), NotificationTemplate.Fill(template.Body, values), link, now),
            OutboxFactory.Create(template, values, bySms ? phone : null, byEmail ? email : null, userId, now).ToList());
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

/// <summary>One user's inbox row and outbox messages, built ahead of the transaction that saves them.</summary>
public sealed record PreparedNotification(int UserId, Notification Inbox, IReadOnlyList<OutboxMessage> Outbox)
{
    public void AddTo(MallDbContext db)
    {
        db.Notifications.Add(Inbox);
        db.OutboxMessages.AddRange(Outbox);
    }
}
