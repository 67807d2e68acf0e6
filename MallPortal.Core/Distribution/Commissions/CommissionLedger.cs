using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// Collects a change's ledger entries and writes them with one relative balance update per distributor, in the caller's
/// transaction: balances move by the entries' sums (never read-modify-write), so concurrent changes cannot lose money.
/// </summary>
internal sealed class CommissionLedger(MallDbContext db, DateTime now)
{
    private readonly Dictionary<(int DistributorId, CommissionBucket Bucket), long> _deltas = [];

    public DateTime Now => now;

    public void Move(Commission commission, CommissionEntryKind kind, CommissionBucket? from, CommissionBucket? to, long amountFen)
    {
        if (amountFen <= 0)
        {
            return;
        }
        db.CommissionEntries.Add(new CommissionEntry(commission, kind, from, to, amountFen, now));
        _touched.Add(commission.DistributorId);
        if (from is { } out_)
        {
            Add(commission.DistributorId, out_, -amountFen);
        }
        if (to is { } in_)
        {
            Add(commission.DistributorId, in_, amountFen);
        }
    }

    private readonly HashSet<int> _touched = [];

    /// <summary>Every distributor whose balances this ledger moved (also after the flush).</summary>
    public IReadOnlyList<int> Touched => _touched.ToList();

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var distributor in _deltas.GroupBy(d => d.Key.DistributorId))
        {
            long Delta(CommissionBucket bucket) => distributor.Where(d => d.Key.Bucket == bucket).Sum(d => d.Value);
            var (estimated, frozen, withdrawable, withdrawing, withdrawn) = (Delta(CommissionBucket.Estimated), Delta(CommissionBucket.Frozen),
                Delta(CommissionBucket.Withdrawable), Delta(CommissionBucket.Withdrawing), Delta(CommissionBucket.Withdrawn));
            await db.Distributors.Where(d => d.Id == distributor.Key).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.EstimatedFen, d => d.EstimatedFen + estimated)
                .SetProperty(d => d.FrozenFen, d => d.FrozenFen + frozen)
                .SetProperty(d => d.WithdrawableFen, d => d.WithdrawableFen + withdrawable)
                .SetProperty(d => d.WithdrawingFen, d => d.WithdrawingFen + withdrawing)
                .SetProperty(d => d.WithdrawnFen, d => d.WithdrawnFen + withdrawn), cancellationToken);
        }
        _deltas.Clear();
    }

    private void Add(int distributorId, CommissionBucket bucket, long fen) =>
        _deltas[(distributorId, bucket)] = _deltas.GetValueOrDefault((distributorId, bucket)) + fen;
}
