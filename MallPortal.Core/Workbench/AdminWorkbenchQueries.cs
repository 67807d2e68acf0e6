using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Workbench;

/// <summary>
/// 平台概览's queues: applications to review, orders past the 48-hour shipping promise, messages the outbox gave up on.
/// Each is counted by the same rule as the list its card opens. Admin only.
/// </summary>
public sealed class AdminWorkbenchQueries(IDbContextFactory<MallDbContext> contexts, BusinessTimeZone zone, TimeProvider clock)
{
    public async Task<AdminWorkbench> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new AdminWorkbench(
            await db.DistributorApplications.CountAsync(a => a.Status == ApplicationStatus.Pending, cancellationToken),
            await db.MerchantApplications.CountAsync(a => a.Status == ApplicationStatus.Pending, cancellationToken),
            await db.Orders.Focus(db, OrderFocus.ShippingOverdue, zone, now).CountAsync(cancellationToken),
            await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken));
    }
}

public sealed record AdminWorkbench(int DistributorApplications, int MerchantApplications, int ShippingOverdue, int OutboxFailures);
