using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>Cases for the buyer (own), the merchant (own shop, by state) and the platform (escalated), and one case whole.</summary>
public sealed class AfterSaleQueries(IDbContextFactory<MallDbContext> contexts, IOptions<AfterSaleOptions> options, TimeProvider clock)
{
    public async Task<Page<AfterSaleRow>> ListAsync(Actor actor, AfterSaleParty party, AfterSaleStatus? status, int page, int size,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = await ScopeAsync(db, actor, party, cancellationToken);
        cases = status is { } s ? cases.Where(a => a.Status == s) : cases;
        var total = await cases.CountAsync(cancellationToken);
        var rows = await (from a in cases
                          join l in db.OrderLines on a.OrderLineId equals l.Id
                          join o in db.Orders on a.OrderId equals o.Id
                          join shop in db.Shops on a.ShopId equals shop.Id
                          orderby a.DueAt == null, a.DueAt, a.CreatedAt descending
                          select new AfterSaleRow(a.Number, o.Number, shop.Name, l.Title, l.SpecText, l.ImagePath, a.Type, a.Reason, a.Quantity, a.Amount,
                              a.Status, a.DueAt, a.CreatedAt, o.RecipientName))
            .Skip(Math.Max(page, 0) * size).Take(size).AsNoTracking().ToListAsync(cancellationToken);
        return new Page<AfterSaleRow>(rows, total);
    }

    public async Task<IReadOnlyDictionary<AfterSaleStatus, int>> CountsAsync(Actor actor, AfterSaleParty party, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (await ScopeAsync(db, actor, party, cancellationToken)).GroupBy(a => a.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    public async Task<AfterSaleDetails?> GetAsync(Actor actor, AfterSaleParty party, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sale = await AfterSaleAccess.Full(db).AsNoTracking()
            .Where(a => a.Number == number).Where(InScope(db, actor, party, await ShopIdAsync(db, actor, party, cancellationToken))).SingleOrDefaultAsync(cancellationToken);
        if (sale is null)
        {
            return null;
        }
        var head = await (from l in db.OrderLines join o in db.Orders on l.OrderId equals o.Id join s in db.Shops on o.ShopId equals s.Id
                          join u in db.Users on o.BuyerUserId equals u.Id
                          where l.Id == sale.OrderLineId
                          select new { o.Number, l.Title, l.SpecText, l.ImagePath, Shop = s.Name, Buyer = u.Nickname }).SingleAsync(cancellationToken);
        return new AfterSaleDetails(sale.Number, head.Number, head.Shop, head.Buyer, head.Title, head.SpecText, head.ImagePath, sale.Type, sale.Reason,
            sale.Description, sale.PhotoPaths, sale.Quantity, sale.Amount, sale.RefundedAmount, sale.Status, sale.DueAt, sale.ReturnAddress,
            sale.ReturnCarrierCode is { } c ? $"{Shipping.Carriers.NameOf(c)} {sale.ReturnTrackingNumber}" : null, sale.DecisionNote, sale.RefusalPhotoPaths,
            sale.Restocked, sale.CreatedAt,
            sale.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new AfterSaleEventView(e.Trigger, e.StatusAfter, e.Note, e.At)).ToList(),
            sale.Messages.OrderBy(m => m.At).ThenBy(m => m.Id).Select(m => new AfterSaleMessageView(m.Party, m.Text, m.At)).ToList());
    }

    /// <summary>The buyer's order page: for each line, how many units may still be claimed now (0: no 申请售后).</summary>
    public async Task<IReadOnlyDictionary<int, int>> ClaimableLinesAsync(Actor actor, string orderNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.Full(db).AsNoTracking().SingleOrDefaultAsync(o => o.Number == orderNumber && o.BuyerUserId == actor.UserId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = order is { PaidAt: not null, Status: OrderStatus.PendingShipment or OrderStatus.PendingReceipt }
                   || order is { Status: OrderStatus.Completed } && order.CompletedAt!.Value.AddDays(options.Value.QualityDays) >= now;
        var result = new Dictionary<int, int>();
        foreach (var line in open ? order!.Lines : [])
        {
            result[line.Id] = (await ClaimableAsync(db, order!, line, cancellationToken)).Units;
        }
        return result;
    }

    /// <summary>
    /// What one line still has to claim: units not refunded, not in an open case and (before shipment) not shipped; the
    /// line's paid money and what went back; and (before shipment) the units the whole order still has to ship.
    /// </summary>
    internal static async Task<Claimable> ClaimableAsync(MallDbContext db, Order order, OrderLine line, CancellationToken cancellationToken)
    {
        var paid = AfterSalePolicy.LinesPaid(order)[order.Lines.ToList().FindIndex(l => l.Id == line.Id)];
        var refunds = await (from rl in db.Set<RefundLine>() join r in db.Refunds on rl.RefundId equals r.Id
                             where r.OrderId == order.Id && r.Status == RefundStatus.Refunded select new { rl.OrderLineId, rl.Quantity, rl.Amount })
            .ToListAsync(cancellationToken);
        var claimed = await db.AfterSales.Where(a => a.OrderId == order.Id && AfterSaleTransitions.OpenStates.Contains(a.Status))
            .Select(a => new { a.OrderLineId, a.Quantity }).ToListAsync(cancellationToken);
        var shipped = await db.Shipments.Where(s => s.OrderId == order.Id).SelectMany(s => s.Lines).Select(l => new { l.OrderLineId, l.Quantity })
            .ToListAsync(cancellationToken);
        int Left(int lineId, bool unshippedOnly) => order.Lines.Single(l => l.Id == lineId).Quantity
            - refunds.Where(r => r.OrderLineId == lineId).Sum(r => r.Quantity) - claimed.Where(c => c.OrderLineId == lineId).Sum(c => c.Quantity)
            - (unshippedOnly ? shipped.Where(s => s.OrderLineId == lineId).Sum(s => s.Quantity) : 0);
        var beforeShipment = order.Status == OrderStatus.PendingShipment;
        return new Claimable(Math.Max(0, Left(line.Id, beforeShipment)), paid, refunds.Where(r => r.OrderLineId == line.Id).Sum(r => r.Quantity),
            new Money(refunds.Where(r => r.OrderLineId == line.Id).Sum(r => r.Amount.Fen)),
            beforeShipment ? order.Lines.Sum(l => Math.Max(0, Left(l.Id, true))) : 0);
    }

    private static async Task<IQueryable<AfterSale>> ScopeAsync(MallDbContext db, Actor actor, AfterSaleParty party, CancellationToken cancellationToken) =>
        db.AfterSales.Where(InScope(db, actor, party, await ShopIdAsync(db, actor, party, cancellationToken)));

    private static async Task<int?> ShopIdAsync(MallDbContext db, Actor actor, AfterSaleParty party, CancellationToken cancellationToken) =>
        party == AfterSaleParty.Merchant ? await ProductService.ShopOfAsync(db, actor, cancellationToken) : null;

    // The platform sees every case (its queue filters to 平台介入); a buyer its own; a merchant its shop's.
    private static System.Linq.Expressions.Expression<Func<AfterSale, bool>> InScope(MallDbContext db, Actor actor, AfterSaleParty party, int? shopId)
    {
        if (party == AfterSaleParty.Platform)
        {
            actor.Require(Roles.Admin);
            return a => true;
        }
        return party == AfterSaleParty.Merchant ? a => a.ShopId == shopId : a => a.BuyerUserId == actor.UserId;
    }
}

internal sealed record Claimable(int Units, Money LinePaid, int RefundedUnits, Money Refunded, int UnitsLeftInOrder);

public sealed record AfterSaleRow(string Number, string OrderNumber, string ShopName, string Title, string SpecText, string? ImagePath, AfterSaleType Type,
    AfterSaleReason Reason, int Quantity, Money Amount, AfterSaleStatus Status, DateTime? DueAt, DateTime CreatedAt, string Recipient);

public sealed record AfterSaleDetails(string Number, string OrderNumber, string ShopName, string BuyerName, string Title, string SpecText, string? ImagePath,
    AfterSaleType Type, AfterSaleReason Reason, string Description, IReadOnlyList<string> Photos, int Quantity, Money Amount, Money RefundedAmount,
    AfterSaleStatus Status, DateTime? DueAt, string? ReturnAddress, string? ReturnParcel, string? DecisionNote, IReadOnlyList<string> RefusalPhotos,
    bool Restocked, DateTime CreatedAt, IReadOnlyList<AfterSaleEventView> Timeline, IReadOnlyList<AfterSaleMessageView> Messages);

public sealed record AfterSaleEventView(AfterSaleTrigger? Trigger, AfterSaleStatus StatusAfter, string? Note, DateTime At);

public sealed record AfterSaleMessageView(AfterSaleParty Party, string Text, DateTime At);
