using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>
/// Binds customers to distributors by <see cref="BindingPolicy"/> (on a signed-in click, at sign-in or registration with
/// the attribution cookie) and snapshots the attribution onto each order as it is placed, in the checkout's transaction.
/// </summary>
public sealed class AttributionService(IDbContextFactory<MallDbContext> contexts, DistributionSettingsStore settingsStore, ILiveUpdates live,
    TimeProvider clock) : IOrderStepHandler
{
    /// <summary>After a sign-in or registration: the cookie's link binds the customer, and a new account counts as its registration.</summary>
    public async Task OnSignedInAsync(int userId, string? referralCookie, CancellationToken cancellationToken = default)
    {
        if (ReferralCookie.Parse(referralCookie) is not { } referral)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await (from l in db.PromotionLinks
                          join d in db.Distributors on l.DistributorId equals d.Id
                          where l.Code == referral.Code && d.Status == DistributorStatus.Active
                          select new { l.Id, l.DistributorId, l.Channel, d.UserId }).SingleOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var registeredAt = await db.Users.Where(u => u.Id == userId).Select(u => u.CreatedAt).SingleAsync(cancellationToken);
        var signedUp = registeredAt >= referral.IssuedAt && link.UserId != userId
            && !await db.PromotionSignups.AnyAsync(s => s.UserId == userId, cancellationToken);
        if (signedUp)
        {
            db.PromotionSignups.Add(PromotionSignup.Record(link.Id, link.DistributorId, userId, now));
        }
        var settings = (await settingsStore.GetAsync(db, cancellationToken)).ToInput();
        await BindAsync(db, settings, userId, new BindingCandidate(link.DistributorId, link.UserId, link.Id, link.Channel), BindingSource.Link, now,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (signedUp)
        {
            await live.PublishAsync(new PromotionActivity([link.DistributorId]), cancellationToken);
        }
    }

    /// <summary>Decides and writes (unsaved) a binding change with its audit row; returns whether the customer is now the candidate's.</summary>
    internal static async Task<bool> BindAsync(MallDbContext db, DistributionSettingsInput settings, int customerUserId, BindingCandidate candidate,
        BindingSource source, DateTime now, CancellationToken cancellationToken)
    {
        var binding = db.CustomerBindings.Local.SingleOrDefault(b => b.CustomerUserId == customerUserId)
            ?? await db.CustomerBindings.SingleOrDefaultAsync(b => b.CustomerUserId == customerUserId, cancellationToken);
        var hasOrdered = await db.Orders.AnyAsync(o => o.BuyerUserId == customerUserId, cancellationToken);
        var current = binding is null ? null : new CurrentBinding(binding.DistributorId, binding.BoundAt, binding.ExpiresAt, binding.ProtectedUntil);
        var decision = BindingPolicy.Decide(settings, current, candidate.DistributorId, candidate.UserId == customerUserId, hasOrdered, now);
        var terms = new BindingTerms(candidate.DistributorId, candidate.LinkId, candidate.Channel, source, now,
            BindingPolicy.ExpiryOf(settings, now), BindingPolicy.ProtectionOf(settings, now));
        switch (decision.Outcome)
        {
            case BindingOutcome.FirstBind:
                db.CustomerBindings.Add(CustomerBinding.Create(customerUserId, terms));
                db.DistributionAudits.Add(DistributionAudit.Binding(AuditKind.FirstBind, customerUserId, null, candidate.DistributorId, decision.Reason, now));
                return true;
            case BindingOutcome.Rebind:
                if (!binding!.IsValidAt(now))
                {
                    db.DistributionAudits.Add(DistributionAudit.Binding(AuditKind.Expired, customerUserId, binding.DistributorId, null, "绑定有效期已到", now));
                }
                db.DistributionAudits.Add(DistributionAudit.Binding(AuditKind.Rebind, customerUserId, binding.DistributorId, candidate.DistributorId,
                    decision.Reason, now));
                binding.Rebind(terms);
                return true;
            case BindingOutcome.Renew:
                binding!.Rebind(terms with { ProtectedUntil = binding.ProtectedUntil });
                return true;
            default:
                return false;
        }
    }

    /// <summary>In the checkout's transaction: each placed order remembers the customer's valid binding and the upline at this moment.</summary>
    public async Task OnStepsAsync(MallDbContext db, IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        foreach (var placed in steps.Where(s => s.Kind == OrderEventKind.Placed).GroupBy(s => s.Order.BuyerUserId))
        {
            await AttributeAsync(db, placed.Key, placed.Select(s => s.Order).ToList(), placed.First().At, cancellationToken);
        }
    }

    private async Task AttributeAsync(MallDbContext db, int buyerUserId, IReadOnlyList<Order> orders, DateTime now, CancellationToken cancellationToken)
    {
        var binding = await db.CustomerBindings.SingleOrDefaultAsync(b => b.CustomerUserId == buyerUserId, cancellationToken);
        if (binding is null)
        {
            return;
        }
        if (!binding.IsValidAt(now))
        {
            db.DistributionAudits.Add(DistributionAudit.Binding(AuditKind.Expired, buyerUserId, binding.DistributorId, null, "下单时绑定已过期", now));
            db.CustomerBindings.Remove(binding);
            return;
        }
        var distributor = await db.Distributors.AsNoTracking().SingleAsync(d => d.Id == binding.DistributorId, cancellationToken);
        if (!distributor.IsActive)
        {
            return;
        }
        var settings = await settingsStore.GetAsync(db, cancellationToken);
        var upline = HierarchyPolicy.UplineOf(distributor.Path, settings.MaxDepth - 1);
        var shopIds = orders.Select(o => o.ShopId).ToList();
        var blocked = await db.ShopDistributorBlocks
            .Where(b => b.DistributorId == distributor.Id && shopIds.Contains(b.ShopId) && b.LiftedAt == null)
            .Select(b => b.ShopId).ToListAsync(cancellationToken);
        db.OrderAttributions.AddRange(orders.Select(o =>
            OrderAttribution.Snapshot(o, distributor.Id, upline, binding.LinkId, binding.Channel, blocked.Contains(o.ShopId), now)));
    }

    /// <summary>After the checkout committed: promoted orders show on their distributors' dashboards at once.</summary>
    public async Task AfterCommitAsync(IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        var orderIds = steps.Where(s => s.Kind == OrderEventKind.Placed).Select(s => s.Order.Id).ToList();
        if (orderIds.Count == 0)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var distributors = await db.OrderAttributions.Where(a => orderIds.Contains(a.OrderId)).Select(a => a.DistributorId).Distinct()
            .ToListAsync(cancellationToken);
        if (distributors.Count > 0)
        {
            await live.PublishAsync(new PromotionActivity(distributors), cancellationToken);
        }
    }
}

internal sealed record BindingCandidate(int DistributorId, int UserId, int? LinkId, ShareChannel? Channel);

/// <summary>Something happened on these distributors' links (a click, a registration, a promoted order): their pages reload.</summary>
public sealed record PromotionActivity(IReadOnlyList<int> DistributorIds);
