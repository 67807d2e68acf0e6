using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>The commission clock the settle job calls: frozen commissions whose after-sales window has closed become withdrawable.</summary>
public sealed class CommissionService(IDbContextFactory<MallDbContext> contexts, ILiveUpdates live)
{
    private const int Batch = 500;

    /// <summary>
    /// Settles what is due at <paramref name="now"/>, except lines of an order with an open cancellation or after-sale
    /// request (they wait for its outcome) and commissions held for the admin's review (decision 0010). Returns how many commissions settled.
    /// </summary>
    public async Task<int> SettleDueAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await Due(db, now).OrderBy(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ledger = new CommissionLedger(db, now);
        foreach (var commission in due)
        {
            Settle(ledger, commission, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await ledger.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await live.PublishAsync(new CommissionsChanged(ledger.Touched), cancellationToken);
        return due.Count;
    }

    /// <summary>Frozen, past its window, not held for review, and no open request on its order: the one rule of when money settles.</summary>
    internal static IQueryable<Commission> Due(MallDbContext db, DateTime now) =>
        db.Commissions.Where(c => c.Status == CommissionStatus.Frozen && c.SettleAfter <= now && c.Hold != Risk.CommissionHold.Held
                                  && !db.Refunds.Any(r => r.OrderId == c.OrderId && r.Status == RefundStatus.Requested)
                                  && !db.AfterSales.Any(a => a.OrderLineId == c.OrderLineId && Orders.AfterSales.AfterSaleTransitions.OpenStates.Contains(a.Status)));

    /// <summary>冻结 → 可提现, with its ledger entry: the job's way, and a released hold's whose window has passed.</summary>
    internal static void Settle(CommissionLedger ledger, Commission commission, DateTime now)
    {
        commission.Settle(now);
        ledger.Move(commission, CommissionEntryKind.Settled, CommissionBucket.Frozen, CommissionBucket.Withdrawable, commission.NetFen);
    }
}
