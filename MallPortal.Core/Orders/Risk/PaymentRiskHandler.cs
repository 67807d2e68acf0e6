using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Risk;

/// <summary>
/// At payment, in the payment's own transaction: a payment the rules flag (above the platform's or a shop's line, or one of
/// many accounts on its device or network) is held for review with one risk event per rule, before any merchant hears of it.
/// </summary>
public sealed class PaymentRiskHandler(RiskSettingsStore store, ILiveUpdates live, TimeProvider clock) : IOrderStepHandler
{
    public async Task OnStepsAsync(MallDbContext db, IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        var payments = steps.Where(s => s.Kind == OrderEventKind.Pay).GroupBy(s => s.Order.PaymentId).ToList();
        if (payments.Count == 0)
        {
            return;
        }
        var settings = await store.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var paid in payments)
        {
            if (await db.PaymentReviews.AnyAsync(r => r.PaymentId == paid.Key, cancellationToken))
            {
                continue;
            }
            var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == paid.Key, cancellationToken);
            var orders = paid.Select(s => s.Order).ToList();
            var shopIds = orders.Select(o => o.ShopId).ToList();
            var limits = await db.ShopRiskLimits.AsNoTracking().Where(l => shopIds.Contains(l.ShopId)).ToDictionaryAsync(l => l.ShopId, l => l.HoldAboveFen, cancellationToken);
            var shares = orders.Select(o => new ShopShare(o.ShopId, o.TotalFen, limits.TryGetValue(o.ShopId, out var limit) ? limit : null)).ToList();
            var sharing = await SharingAccountsAsync(db, settings, payment.Number, payment.BuyerUserId, now, cancellationToken);
            var signals = RiskPolicy.Payment(settings, payment.Amount.Fen, shares, sharing,
                await StoppedUnverifiedAsync(db, settings, payment.BuyerUserId, now, cancellationToken));
            if (signals == RiskSignals.None)
            {
                continue;
            }
            var detail = RiskText.Held(signals, payment.Amount, settings.HoldAbove, shares, sharing);
            db.PaymentReviews.Add(new PaymentReview(payment.Id, signals, detail, now));
            orders.ForEach(o => o.Record(OrderEventKind.RiskHeld, null, null, now));
            foreach (var rule in RiskText.Rules(signals))
            {
                db.RiskEvents.Add(new RiskEvent(rule, RiskAction.Held, payment.BuyerUserId, payment.Number, orders.Count == 1 ? orders[0].Number : null,
                    detail, null, now));
            }
        }
    }

    public async Task AfterCommitAsync(IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        if (steps.Any(s => s.Kind == OrderEventKind.Pay))
        {
            await live.PublishAsync(new RiskChanged(), cancellationToken);
        }
    }

    /// <summary>
    /// Stopped for too many attempts within the window and not verified since: the buyer finished at a cashier opened
    /// before the stop (the provider's cashier cannot be taken back), so the payment waits for the admin instead.
    /// </summary>
    private static async Task<bool> StoppedUnverifiedAsync(MallDbContext db, RiskSettings settings, int buyerUserId, DateTime now,
        CancellationToken cancellationToken)
    {
        var since = now.AddMinutes(-settings.AttemptWindowMinutes);
        var stopped = await db.RiskEvents.Where(e => e.UserId == buyerUserId && e.Action == RiskAction.Blocked && e.At > since)
            .MaxAsync(e => (DateTime?)e.At, cancellationToken);
        return stopped is { } at
               && !await db.RiskEvents.AnyAsync(e => e.UserId == buyerUserId && e.Action == RiskAction.Verified && e.At >= at, cancellationToken);
    }

    /// <summary>How many accounts paid from this payment's device or network in the window, its buyer included (0: not known).</summary>
    private static async Task<int> SharingAccountsAsync(MallDbContext db, RiskSettings settings, string paymentNumber, int buyerUserId, DateTime now,
        CancellationToken cancellationToken)
    {
        if (settings.SharedAccountLimit == 0)
        {
            return 0;
        }
        var last = await db.PaymentAttempts.AsNoTracking().Where(a => a.PaymentNumber == paymentNumber && a.UserId == buyerUserId)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (last is null || (last.DeviceHash is null && last.NetworkHash is null))
        {
            return 0;
        }
        var since = now.AddHours(-settings.SharedWindowHours);
        return await db.PaymentAttempts.Where(a => a.At > since && ((last.DeviceHash != null && a.DeviceHash == last.DeviceHash)
                                                                    || (last.NetworkHash != null && a.NetworkHash == last.NetworkHash)))
            .Select(a => a.UserId).Distinct().CountAsync(cancellationToken);
    }
}
