using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Payments;

public sealed record RefundWatchRow(string Number, string OrderNumber, string Shop, string Buyer, string? BuyerMobile, Money Amount, string Gateway,
    DateTime? DecidedAt, RefundGatewayState State, string? GatewayRefundNo, string? HandNote, DateTime? SettledAt);

public sealed record RefundWatchCounts(int Processing, int Failed);

/// <summary>
/// 退款监控, the platform's view of the money going back: refunds the providers are still paying (ask now), those they
/// could not (pay them back another way and record how: the buyer is told), and those paid by hand. Admins only.
/// </summary>
public sealed class RefundWatchService(IDbContextFactory<MallDbContext> contexts, GatewayQueries payments, NotificationService notifications,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<RefundWatchRow>> ListAsync(Actor actor, RefundGatewayState state, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from r in db.Refunds
                      join o in db.Orders on r.OrderId equals o.Id
                      join p in db.Payments on o.PaymentId equals p.Id
                      join s in db.Shops on r.ShopId equals s.Id
                      join u in db.Users on r.BuyerUserId equals u.Id
                      where r.GatewayState == state
                      orderby r.DecidedAt descending
                      select new RefundWatchRow(r.Number, o.Number, s.Name, u.Nickname, u.PhoneNumber, r.Amount, p.Gateway, r.DecidedAt, r.GatewayState,
                          r.GatewayRefundNo, r.HandNote, r.GatewaySettledAt))
            .Take(200).ToListAsync(cancellationToken);
    }

    public async Task<RefundWatchCounts> CountsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Refunds.Where(r => r.GatewayState == RefundGatewayState.Processing || r.GatewayState == RefundGatewayState.Failed)
            .GroupBy(r => r.GatewayState).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new RefundWatchCounts(counts.SingleOrDefault(c => c.Key == RefundGatewayState.Processing)?.Count ?? 0,
            counts.SingleOrDefault(c => c.Key == RefundGatewayState.Failed)?.Count ?? 0);
    }

    /// <summary>立即查询: asks the provider about one processing refund now; returns where it stands.</summary>
    public Task<RefundGatewayState> QueryNowAsync(Actor actor, string refundNumber, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        return payments.QueryRefundAsync(refundNumber, cancellationToken);
    }

    /// <summary>已线下退回: a refund the provider could not pay was paid back another way; the note says how (and its reference).</summary>
    public async Task MarkPaidByHandAsync(Actor actor, string refundNumber, string? note, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var refund = await db.Refunds.SingleOrDefaultAsync(r => r.Number == refundNumber, cancellationToken)
            ?? throw new DomainException(CoreText.RefundRecordNotFound);
        refund.PaidByHand(note, actor.UserId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var order = await db.Orders.Where(o => o.Id == refund.OrderId).Select(o => o.Number).SingleAsync(cancellationToken);
        await notifications.NotifyAsync(refund.BuyerUserId, NotificationTemplates.RefundPaidByHand, new Dictionary<string, string>
        {
            ["number"] = order,
            ["amount"] = refund.Amount.ToString(),
            ["note"] = refund.HandNote!,
        }, $"/account/orders/{order}", cancellationToken);
    }
}
