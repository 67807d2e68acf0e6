using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Settlement;

/// <summary>The settlement clock (receivables become withdrawable after the after-sales window) and the admin's service fee per shop.</summary>
public sealed class ShopSettlementService(IDbContextFactory<MallDbContext> contexts, IAfterSalesPolicy afterSales, ILiveUpdates live)
{
    private const int Batch = 500;

    /// <summary>Orders received at least the window ago, with no open cancellation or after-sale, settle; returns how many did.</summary>
    public async Task<int> SettleDueAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var receivedBy = now.AddDays(-await afterSales.AfterSalesDaysAsync(cancellationToken));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.Set<OrderSettlement>()
            .Where(s => s.SettledAt == null && s.ReceivedAt != null && s.ReceivedAt <= receivedBy
                        && !db.Refunds.Any(r => r.OrderId == s.OrderId && r.Status == RefundStatus.Requested)
                        && !db.AfterSales.Any(a => a.OrderId == s.OrderId && AfterSales.AfterSaleTransitions.OpenStates.Contains(a.Status)))
            .OrderBy(s => s.OrderId).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var ids = due.Select(s => s.OrderId).ToList();
        var pending = await db.Set<SettlementEntry>().Where(e => e.OrderId != null && ids.Contains(e.OrderId.Value)
                                                                && (e.To == SettlementBucket.Pending || e.From == SettlementBucket.Pending))
            .GroupBy(e => e.OrderId!.Value)
            .Select(g => new { g.Key, Fen = g.Sum(e => e.To == SettlementBucket.Pending ? e.AmountFen : -e.AmountFen) })
            .ToDictionaryAsync(g => g.Key, g => g.Fen, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ledger = new ShopLedger(db, now);
        foreach (var settlement in due)
        {
            ledger.Move(settlement.ShopId, settlement.OrderId, null, null, SettlementEntryKind.Settled, SettlementBucket.Pending, SettlementBucket.Withdrawable,
                pending.GetValueOrDefault(settlement.OrderId));
            settlement.Settle(now);
        }
        await ledger.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var shop in due.Select(s => s.ShopId).Distinct())
        {
            await live.PublishAsync(new SettlementChanged(shop), cancellationToken);
        }
        return due.Count;
    }

    public async Task SetServiceFeeAsync(Actor actor, int shopId, int basisPoints, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shop = await db.Shops.SingleOrDefaultAsync(s => s.Id == shopId, cancellationToken) ?? throw new DomainException(CoreText.ShopNotFound);
        shop.SetServiceFee(basisPoints);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A shop's receivables or payouts moved: its settlement page reloads.</summary>
public sealed record SettlementChanged(int ShopId);
