using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>A merchant's view of the distributors who sell its products: their performance, blocks from its commission, notices.</summary>
public sealed class ShopDistributionService(IDbContextFactory<MallDbContext> contexts, NotificationService notifications, TimeProvider clock)
{
    public async Task<IReadOnlyList<ShopDistributorRow>> DistributorsAsync(Actor actor, Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await OwnShopAsync(db, actor, cancellationToken);
        var ours = db.OrderAttributions.Where(a => a.Order.ShopId == shopId && a.AttributedAt >= period.From && a.AttributedAt < period.To);
        var paid = FunnelQueries.Paid(ours);
        var promoters = PromoterIds(db, shopId);
        var rows = await db.Distributors.AsNoTracking().Where(d => promoters.Contains(d.Id))
            .Select(d => new
            {
                d.Id, d.Name, d.Status, d.JoinedAt,
                Orders = ours.Count(a => a.DistributorId == d.Id),
                Sales = paid.Where(a => a.DistributorId == d.Id).Sum(a => (long?)a.Order.TotalFen) ?? 0,
                Customers = ours.Where(a => a.DistributorId == d.Id).Select(a => a.Order.BuyerUserId).Distinct().Count(),
                Links = db.PromotionLinks.Count(l => l.DistributorId == d.Id),
                Blocked = db.ShopDistributorBlocks.Any(b => b.ShopId == shopId && b.DistributorId == d.Id && b.LiftedAt == null),
            }).ToListAsync(cancellationToken);
        return rows.Select(r => new ShopDistributorRow(r.Id, r.Name, r.Status, r.JoinedAt, r.Orders, new Money(r.Sales), r.Customers, r.Links, r.Blocked))
            .OrderByDescending(r => r.Sales.Fen).ThenBy(r => r.Id).ToList();
    }

    /// <summary>Keeps a distributor from this shop's commission from now on; recorded, and reversible by <see cref="UnblockAsync"/>.</summary>
    public async Task BlockAsync(Actor actor, int distributorId, string? reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 200)
        {
            throw new DomainException(CoreText.ReasonRequired, "Reason");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await OwnShopAsync(db, actor, cancellationToken);
        if (!await PromoterIds(db, shopId).ContainsAsync(distributorId, cancellationToken))
        {
            throw new DomainException(CoreText.DistributorNotFound);
        }
        if (await db.ShopDistributorBlocks.AnyAsync(b => b.ShopId == shopId && b.DistributorId == distributorId && b.LiftedAt == null, cancellationToken))
        {
            throw new DomainException(CoreText.DistributorAlreadyBlocked);
        }
        db.ShopDistributorBlocks.Add(ShopDistributorBlock.Create(shopId, distributorId, reason.Trim(), actor.UserId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnblockAsync(Actor actor, int distributorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await OwnShopAsync(db, actor, cancellationToken);
        var block = await db.ShopDistributorBlocks.SingleOrDefaultAsync(b => b.ShopId == shopId && b.DistributorId == distributorId && b.LiftedAt == null,
            cancellationToken) ?? throw new DomainException(CoreText.DistributorNotBlocked);
        block.Lift(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A notice to every distributor who promotes this shop's products; returns how many it reached.</summary>
    public async Task<int> SendNoticeAsync(Actor actor, string? title, string? body, CancellationToken cancellationToken = default)
    {
        (title, body) = ((title ?? "").Trim(), (body ?? "").Trim());
        if (title.Length is 0 or > Broadcast.TitleMaxLength)
        {
            throw new DomainException(string.Format(CoreText.BroadcastTitleLength, Broadcast.TitleMaxLength), "Title");
        }
        if (body.Length is 0 or > Broadcast.BodyMaxLength)
        {
            throw new DomainException(string.Format(CoreText.BroadcastBodyLength, Broadcast.BodyMaxLength), "Body");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await OwnShopAsync(db, actor, cancellationToken);
        var shop = await db.Shops.Where(s => s.Id == shopId).Select(s => s.Name).SingleAsync(cancellationToken);
        var promoters = PromoterIds(db, shopId);
        var userIds = await db.Distributors.Where(d => promoters.Contains(d.Id) && d.Status == DistributorStatus.Active).Select(d => d.UserId)
            .ToListAsync(cancellationToken);
        return await notifications.NotifyManyAsync(userIds, NotificationTemplates.ShopNoticeToDistributors,
            new Dictionary<string, string> { ["shop"] = shop, ["title"] = title, ["body"] = body }, "/distributor/links", cancellationToken);
    }

    /// <summary>Distributors with a link to this shop or one of its products, or an order from it.</summary>
    private static IQueryable<int> PromoterIds(MallDbContext db, int shopId) =>
        db.PromotionLinks.Where(l => (l.Target == LinkTarget.Shop && l.TargetId == shopId)
                || (l.Target == LinkTarget.Product && db.Products.Any(p => p.Id == l.TargetId && p.ShopId == shopId)))
            .Select(l => l.DistributorId)
            .Union(db.OrderAttributions.Where(a => a.Order.ShopId == shopId).Select(a => a.DistributorId));

    private static async Task<int> OwnShopAsync(MallDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Roles.Merchant);
        return await db.Shops.Where(s => s.OwnerUserId == actor.UserId).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(CoreText.NotAllowed);
    }
}

public sealed record ShopDistributorRow(int Id, string Name, DistributorStatus Status, DateTime JoinedAt, int Orders, Money Sales, int Customers, int Links,
    bool Blocked);
