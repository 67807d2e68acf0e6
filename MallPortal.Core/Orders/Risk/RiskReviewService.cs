using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Risk;

/// <summary>
/// 支付风控审核: the admin's queue of payments the rules held. Released, the orders reach their merchants (who are told now);
/// refused, every order is refunded through its gateway and cancelled. Each decision is logged and the buyer is told.
/// </summary>
public sealed class RiskReviewService(IDbContextFactory<MallDbContext> contexts, RefundService refunds, OrderSteps steps, OrderNumbers numbers,
    ILiveUpdates live, TimeProvider clock)
{
    public async Task<Page<HeldPaymentRow>> QueueAsync(Actor actor, PaymentReviewStatus status, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reviews = db.PaymentReviews.Where(r => r.Status == status);
        var total = await reviews.CountAsync(cancellationToken);
        var rows = await (from r in reviews
                          join p in db.Payments on r.PaymentId equals p.Id
                          join u in db.Users on p.BuyerUserId equals u.Id
                          orderby r.HeldAt descending, r.Id descending
                          select new { r, p.Number, p.Amount, p.Gateway, u.Nickname, u.PhoneNumber })
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var paymentIds = rows.Select(r => r.r.PaymentId).ToList();
        var orders = await (from o in db.Orders
                            join s in db.Shops on o.ShopId equals s.Id
                            where paymentIds.Contains(o.PaymentId)
                            orderby o.Id
                            select new { o.PaymentId, Row = new HeldOrderRow(o.Number, s.Name, new Money(o.TotalFen), o.Status) }).ToListAsync(cancellationToken);
        return new Page<HeldPaymentRow>(rows.Select(x => new HeldPaymentRow(x.r.Id, x.Number, x.Amount, x.Gateway, x.Nickname, x.PhoneNumber,
            x.r.Signals, x.r.Detail, x.r.Status, x.r.HeldAt, x.r.DecidedAt, x.r.Note,
            orders.Where(o => o.PaymentId == x.r.PaymentId).Select(o => o.Row).ToList())).ToList(), total);
    }

    /// <summary>Payments waiting for the admin's decision (the overview's to-do).</summary>
    public async Task<int> PendingCountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PaymentReviews.CountAsync(r => r.Status == PaymentReviewStatus.Pending, cancellationToken);
    }

    /// <summary>
    /// Release (a note is optional) or refuse with the reason the buyer reads. A second decision is refused; refusing again a
    /// refused payment whose refund the provider did not take retries the orders still waiting.
    /// </summary>
    public async Task DecideAsync(Actor actor, int reviewId, bool release, string? note, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var review = await db.PaymentReviews.SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken)
            ?? throw new DomainException(CoreText.RiskReviewNotFound);
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == review.PaymentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var retry = !release && review.Status == PaymentReviewStatus.Refused;
        if (!retry)
        {
            review.Decide(release, note, actor.UserId, now);
            db.RiskEvents.Add(new RiskEvent(null, release ? RiskAction.Released : RiskAction.Refused, payment.BuyerUserId, payment.Number, null,
                review.Note ?? CoreText.RiskReleasedNoNote, actor.UserId, now));
        }
        var orders = await OrderAccess.Full(db).Where(o => o.PaymentId == payment.Id && o.Status == OrderStatus.PendingShipment).ToListAsync(cancellationToken);
        try
        {
            if (release)
            {
                // The timeline says so, and the step tells the merchant (who hears of the order only now) and the buyer.
                orders.ForEach(o => o.Record(OrderEventKind.RiskReleased, review.Note, actor.UserId, now));
                await steps.CommitAsync(db, cancellationToken);
            }
            else
            {
                // The decision is kept first: a provider refusing one refund leaves the payment refused, to be retried.
                await db.SaveChangesAsync(cancellationToken);
                foreach (var order in orders)
                {
                    order.Record(OrderEventKind.RiskRefused, review.Note, actor.UserId, now);
                    var refund = new Refund(numbers.Refund(now), order, review.Note, now);
                    db.Refunds.Add(refund);
                    await refunds.RefundWholeAsync(db, order, refund, actor.UserId, now, cancellationToken);
                }
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(CoreText.RiskReviewDecided);
        }
        await live.PublishAsync(new RiskChanged(), cancellationToken);
    }

    /// <summary>The log of every hit and decision, newest first; optionally one rule's.</summary>
    public async Task<Page<RiskEventRow>> EventsAsync(Actor actor, RiskRule? rule, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = rule is { } only ? db.RiskEvents.Where(e => e.Rule == only) : db.RiskEvents;
        var total = await events.CountAsync(cancellationToken);
        var rows = await (from e in events
                          join u in db.Users on e.UserId equals u.Id into buyers
                          from u in buyers.DefaultIfEmpty()
                          join a in db.Users on e.ActorUserId equals a.Id into admins
                          from a in admins.DefaultIfEmpty()
                          orderby e.At descending, e.Id descending
                          select new RiskEventRow(e.Id, e.At, e.Rule, e.Action, u == null ? null : u.Nickname, u == null ? null : u.PhoneNumber,
                              e.PaymentNumber, e.OrderNumber, e.Detail, a == null ? null : a.Nickname))
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<RiskEventRow>(rows, total);
    }
}

public sealed record HeldOrderRow(string Number, string Shop, Money Total, OrderStatus Status);

public sealed record HeldPaymentRow(int Id, string PaymentNumber, Money Amount, string Gateway, string Buyer, string? BuyerMobile, RiskSignals Signals,
    string Detail, PaymentReviewStatus Status, DateTime HeldAt, DateTime? DecidedAt, string? Note, IReadOnlyList<HeldOrderRow> Orders)
{
    /// <summary>Refused, but an order is still waiting for its refund (the provider refused it): refusing again retries.</summary>
    public bool RefundPending => Status == PaymentReviewStatus.Refused && Orders.Any(o => o.Status == OrderStatus.PendingShipment);
}

public sealed record RiskEventRow(long Id, DateTime At, RiskRule? Rule, RiskAction Action, string? Buyer, string? BuyerMobile, string? PaymentNumber,
    string? OrderNumber, string Detail, string? Admin);
