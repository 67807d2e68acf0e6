using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Settlement;

/// <summary>A merchant's own settlement (balances, per-order breakdown); the admin's list of shops and their service fees.</summary>
public sealed class SettlementQueries(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<ShopBalances> BalancesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        var account = await db.Set<ShopAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.ShopId == shopId, cancellationToken);
        var fee = await db.Shops.Where(s => s.Id == shopId).Select(s => s.ServiceFeeBp).SingleAsync(cancellationToken);
        return new ShopBalances(shopId, new Money(account?.PendingFen ?? 0), new Money(Math.Max(0, account?.WithdrawableFen ?? 0)),
            new Money(account?.WithdrawingFen ?? 0), new Money(account?.WithdrawnFen ?? 0), new Money(Math.Max(0, -(account?.WithdrawableFen ?? 0))), new BasisPoints(fee));
    }

    /// <summary>Each paid order: what came in, the fee, the commission, refunds, and the receivable, newest first.</summary>
    public async Task<Page<SettlementRow>> OrdersAsync(Actor actor, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        var mine = db.Set<OrderSettlement>().Where(s => s.ShopId == shopId);
        var total = await mine.CountAsync(cancellationToken);
        var settlements = await (from s in mine join o in db.Orders on s.OrderId equals o.Id
                                 orderby s.PaidAt descending, s.OrderId descending
                                 select new { s.OrderId, o.Number, o.Status, s.PaidAt, s.ReceivedAt, s.SettledAt })
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = settlements.Select(s => s.OrderId).ToList();
        var sums = await db.Set<SettlementEntry>().Where(e => e.OrderId != null && ids.Contains(e.OrderId.Value) && (e.From == null || e.To == null))
            .GroupBy(e => new { OrderId = e.OrderId!.Value, e.Kind }).Select(g => new { g.Key.OrderId, g.Key.Kind, Fen = g.Sum(e => e.AmountFen) })
            .ToListAsync(cancellationToken);
        long Sum(int orderId, params SettlementEntryKind[] kinds) => sums.Where(x => x.OrderId == orderId && kinds.Contains(x.Kind)).Sum(x => x.Fen);
        return new Page<SettlementRow>(settlements.Select(s => new SettlementRow(s.Number, s.Status, s.PaidAt, s.ReceivedAt, s.SettledAt,
            new Money(Sum(s.OrderId, SettlementEntryKind.Sale, SettlementEntryKind.Shipping)),
            new Money(Sum(s.OrderId, SettlementEntryKind.ServiceFee) - Sum(s.OrderId, SettlementEntryKind.ServiceFeeReturned)),
            new Money(Sum(s.OrderId, SettlementEntryKind.Commission) - Sum(s.OrderId, SettlementEntryKind.CommissionReturned)),
            new Money(Sum(s.OrderId, SettlementEntryKind.Refund)))).ToList(), total);
    }

    public async Task<IReadOnlyList<ShopFeeRow>> ShopFeesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Shops.OrderBy(s => s.Id).Select(s => new ShopFeeRow(s.Id, s.Name, s.ServiceFeeBp)).ToListAsync(cancellationToken);
    }
}

public sealed record ShopBalances(int ShopId, Money Pending, Money Withdrawable, Money Withdrawing, Money Withdrawn, Money Owed, BasisPoints ServiceFee);

public sealed record SettlementRow(string OrderNumber, OrderStatus Status, DateTime PaidAt, DateTime? ReceivedAt, DateTime? SettledAt, Money Received,
    Money ServiceFee, Money Commission, Money Refunded)
{
    public Money Receivable => Received - ServiceFee - Commission - Refunded;
}

public sealed record ShopFeeRow(int ShopId, string Name, int ServiceFeeBp);
