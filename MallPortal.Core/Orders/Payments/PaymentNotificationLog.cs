using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Payments;

public sealed record PaymentNotificationRow(long Id, string Gateway, NotificationOutcome Outcome, string? Reason, string? PaymentNumber, string? EventKey,
    DateTime ReceivedAt, string Payload);

/// <summary>Which notifications to show: a gateway, an outcome and a payment number (each optional).</summary>
public sealed record PaymentNotificationFilter(string? Gateway = null, NotificationOutcome? Outcome = null, string? PaymentNumber = null);

/// <summary>
/// 支付通知日志: every notification a gateway (or anyone) sent, newest first, with what was made of it and why a refused
/// one was refused — what a shop looks at when a payment "did not arrive". Admins only.
/// </summary>
public sealed class PaymentNotificationLog(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<Page<PaymentNotificationRow>> PageAsync(Actor actor, PaymentNotificationFilter filter, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.PaymentNotifications.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Gateway))
        {
            query = query.Where(n => n.Gateway == filter.Gateway);
        }
        if (filter.Outcome is { } outcome)
        {
            query = query.Where(n => n.Outcome == outcome);
        }
        if (filter.PaymentNumber?.Trim() is { Length: > 0 } number)
        {
            // A refused notification's fields are not trusted, so it names no payment: its raw text still may.
            query = query.Where(n => n.PaymentNumber == number || (n.PaymentNumber == null && n.Payload.Contains(number)));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(n => n.Id).Skip(page * pageSize).Take(pageSize)
            .Select(n => new PaymentNotificationRow(n.Id, n.Gateway, n.Outcome, n.Reason, n.PaymentNumber, n.EventKey, n.ReceivedAt, n.Payload))
            .ToListAsync(cancellationToken);
        return new Page<PaymentNotificationRow>(rows, total);
    }
}
