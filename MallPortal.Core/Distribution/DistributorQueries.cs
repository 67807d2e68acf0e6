using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>What a distributor sees of its own work: the dashboard, its links with their funnels, the orders it brought.</summary>
public sealed class DistributorQueries(IDbContextFactory<MallDbContext> contexts, BusinessTimeZone timeZone, TimeProvider clock)
{
    public async Task<DistributorDashboard> DashboardAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await DistributorLookup.OwnAsync(db, actor, cancellationToken);
        var today = DateOnly.FromDateTime(timeZone.ToLocal(clock.GetUtcNow().UtcDateTime));
        var month = new DateOnly(today.Year, today.Month, 1);
        var team = await db.Distributors.CountAsync(d => d.Path.StartsWith(me.Path) && d.Id != me.Id, cancellationToken);
        var parent = me.ParentId is { } pid ? await db.Distributors.Where(d => d.Id == pid).Select(d => d.Name).SingleAsync(cancellationToken) : null;
        return new DistributorDashboard(me.Id, me.Name, me.Mobile, me.Region, me.InviteCode, me.Status, me.SuspendReason, me.Depth, parent, me.JoinedAt, team,
            await FunnelQueries.TotalAsync(db, me.Id, Period.Days(timeZone, today, today), cancellationToken),
            await FunnelQueries.TotalAsync(db, me.Id, Period.Days(timeZone, month, today), cancellationToken));
    }

    /// <summary>Who the acting distributor is, without any figures (pages that only need its id or invite code).</summary>
    public async Task<DistributorCard> MeAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await DistributorLookup.OwnAsync(db, actor, cancellationToken);
        return new DistributorCard(me.Id, me.Name, me.InviteCode, me.Status);
    }

    /// <summary>The distributor's links, newest first, each with its funnel for the period; and the same summed per channel.</summary>
    public async Task<LinkReport> LinksAsync(Actor actor, Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await DistributorLookup.OwnAsync(db, actor, cancellationToken);
        var links = await (from l in db.PromotionLinks
                           where l.DistributorId == me.Id
                           orderby l.CreatedAt descending
                           select new
                           {
                               l.Id, l.Code, l.Target, l.TargetId, l.Channel, l.Shares, l.CreatedAt,
                               Product = db.Products.Where(p => l.Target == LinkTarget.Product && p.Id == l.TargetId).Select(p => p.Title).FirstOrDefault(),
                               Shop = db.Shops.Where(s => l.Target == LinkTarget.Shop && s.Id == l.TargetId).Select(s => s.Name).FirstOrDefault(),
                           }).ToListAsync(cancellationToken);
        var funnels = await FunnelQueries.ByLinkAsync(db, me.Id, period, cancellationToken);
        var rows = links.Select(l => new LinkRow(l.Code, l.Target, l.TargetId, l.Product ?? l.Shop ?? "商城首页", l.Channel, l.Shares, l.CreatedAt,
            funnels.GetValueOrDefault(l.Id, Funnel.Empty))).ToList();
        var channels = rows.GroupBy(r => r.Channel).Select(g => new ChannelRow(g.Key, g.Sum(r => r.Shares), g.Aggregate(Funnel.Empty, (f, r) => f + r.Funnel)))
            .OrderByDescending(c => c.Funnel.Clicks).ToList();
        return new LinkReport(rows, channels);
    }

    public async Task<Page<PromotedOrderRow>> OrdersAsync(Actor actor, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await DistributorLookup.OwnAsync(db, actor, cancellationToken);
        var mine = db.OrderAttributions.Where(a => a.DistributorId == me.Id);
        var rows = await (from a in mine
                          orderby a.AttributedAt descending
                          select new
                          {
                              a.Order.Number, Nickname = a.Order.RecipientName, a.Order.Status, a.Order.TotalFen, a.Order.PaidAt, a.Order.PaymentMethod, a.Channel, a.AttributedAt,
                              First = a.Order.Lines.OrderBy(l => l.Id).Select(l => l.Title).FirstOrDefault(), Count = a.Order.Lines.Sum(l => l.Quantity),
                          }).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<PromotedOrderRow>(rows.Select(r => new PromotedOrderRow(r.Number, MaskName(r.Nickname), r.First ?? "", r.Count, new Money(r.TotalFen),
            r.Status, r.PaidAt is not null, Orders.Payments.CashOnDeliveryGateway.Is(r.PaymentMethod), r.Channel, r.AttributedAt)).ToList(),
            await mine.CountAsync(cancellationToken));
    }

    /// <summary>The shops a distributor can link to.</summary>
    public async Task<IReadOnlyList<ShopOption>> ShopsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Shops.OrderBy(s => s.Id).Select(s => new ShopOption(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Is this order one of the distributor's (for live reloads of its pages)?</summary>
    public async Task<bool> IsPromotedByAsync(int userId, int orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OrderAttributions.AnyAsync(a => a.OrderId == orderId && db.Distributors.Any(d => d.Id == a.DistributorId && d.UserId == userId),
            cancellationToken);
    }

    /// <summary>Buyers are shown to the distributor by the order's recipient as 陈*: the first character and a star.</summary>
    public static string MaskName(string name) => string.IsNullOrEmpty(name) ? "*" : name[..1] + "*";
}

public sealed record DistributorDashboard(int Id, string Name, string Mobile, string Region, string InviteCode, DistributorStatus Status,
    string? SuspendReason, int Depth, string? ParentName, DateTime JoinedAt, int TeamSize, Funnel Today, Funnel Month);

public sealed record ShopOption(int Id, string Name);

public sealed record DistributorCard(int Id, string Name, string InviteCode, DistributorStatus Status);

public sealed record LinkRow(string Code, LinkTarget Target, int TargetId, string Title, ShareChannel Channel, int Shares, DateTime CreatedAt, Funnel Funnel);

public sealed record ChannelRow(ShareChannel Channel, int Shares, Funnel Funnel);

public sealed record LinkReport(IReadOnlyList<LinkRow> Links, IReadOnlyList<ChannelRow> Channels);

public sealed record PromotedOrderRow(string Number, string Buyer, string FirstItem, int Quantity, Money Total, OrderStatus Status, bool Paid,
    bool CashOnDelivery, ShareChannel? Channel, DateTime PlacedAt);
