using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Settlement;

/// <summary>
/// Writes a change's settlement entries and moves each shop's balances by their sums in one relative update, inside the
/// caller's transaction. Other modules use it for what they take from a receivable (commissions) and for payouts.
/// </summary>
public sealed class ShopLedger(MallDbContext db, DateTime now)
{
    private readonly Dictionary<(int ShopId, SettlementBucket Bucket), long> _deltas = [];

    public DateTime Now => now;

    /// <summary>Money that belongs to an order: into (or out of) the bucket the order's receivable is in now.</summary>
    public async Task OnOrderAsync(int orderId, int? orderLineId, SettlementEntryKind kind, long signedFen, CancellationToken cancellationToken)
    {
        if (signedFen == 0 || await db.Set<OrderSettlement>().FindAsync([orderId], cancellationToken) is not { } settlement)
        {
            return;
        }
        var bucket = settlement.Bucket;
        Move(settlement.ShopId, orderId, orderLineId, null, kind, signedFen > 0 ? null : bucket, signedFen > 0 ? bucket : null, Math.Abs(signedFen));
    }

    public void Move(int shopId, int? orderId, int? orderLineId, int? withdrawalId, SettlementEntryKind kind, SettlementBucket? from, SettlementBucket? to,
        long amountFen)
    {
        if (amountFen <= 0)
        {
            return;
        }
        db.Set<SettlementEntry>().Add(new SettlementEntry(shopId, orderId, orderLineId, withdrawalId, kind, from, to, amountFen, now));
        if (from is { } out_)
        {
            _deltas[(shopId, out_)] = _deltas.GetValueOrDefault((shopId, out_)) - amountFen;
        }
        if (to is { } in_)
        {
            _deltas[(shopId, in_)] = _deltas.GetValueOrDefault((shopId, in_)) + amountFen;
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var shop in _deltas.GroupBy(d => d.Key.ShopId))
        {
            await EnsureAccountAsync(db, shop.Key, cancellationToken);
            long Delta(SettlementBucket bucket) => shop.Where(d => d.Key.Bucket == bucket).Sum(d => d.Value);
            var (pending, withdrawable, withdrawing, withdrawn) = (Delta(SettlementBucket.Pending), Delta(SettlementBucket.Withdrawable),
                Delta(SettlementBucket.Withdrawing), Delta(SettlementBucket.Withdrawn));
            await db.Set<ShopAccount>().Where(a => a.ShopId == shop.Key).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.PendingFen, a => a.PendingFen + pending)
                .SetProperty(a => a.WithdrawableFen, a => a.WithdrawableFen + withdrawable)
                .SetProperty(a => a.WithdrawingFen, a => a.WithdrawingFen + withdrawing)
                .SetProperty(a => a.WithdrawnFen, a => a.WithdrawnFen + withdrawn), cancellationToken);
        }
        _deltas.Clear();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A shop's account row is made with its first paid order. Two first payments of one shop at the very same moment on
    /// PostgreSQL: the second meets the unique key, its step rolls back, and its payment notification is retried.
    /// </summary>
    internal static async Task EnsureAccountAsync(MallDbContext db, int shopId, CancellationToken cancellationToken)
    {
        if (!await db.Set<ShopAccount>().AnyAsync(a => a.ShopId == shopId, cancellationToken))
        {
            db.Set<ShopAccount>().Add(new ShopAccount(shopId));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
