using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// The commission ledger's self-check: every distributor's five stored balances equal the sums of its entries (what moved
/// into each bucket minus what moved out).
/// </summary>
public sealed class CommissionReconciliation(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<IReadOnlyList<BalanceDifference>> DifferencesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var moves = await db.CommissionEntries.GroupBy(e => new { e.DistributorId, e.From, e.To })
            .Select(g => new { g.Key.DistributorId, g.Key.From, g.Key.To, Fen = g.Sum(e => e.AmountFen) }).ToListAsync(cancellationToken);
        var stored = await db.Distributors.Select(d => new { d.Id, d.Name, d.EstimatedFen, d.FrozenFen, d.WithdrawableFen, d.WithdrawingFen, d.WithdrawnFen })
            .ToListAsync(cancellationToken);
        var differences = new List<BalanceDifference>();
        foreach (var d in stored)
        {
            long Sum(CommissionBucket bucket) =>
                moves.Where(m => m.DistributorId == d.Id && m.To == bucket).Sum(m => m.Fen) - moves.Where(m => m.DistributorId == d.Id && m.From == bucket).Sum(m => m.Fen);
            foreach (var (bucket, balance) in new[] { (CommissionBucket.Estimated, d.EstimatedFen), (CommissionBucket.Frozen, d.FrozenFen),
                         (CommissionBucket.Withdrawable, d.WithdrawableFen), (CommissionBucket.Withdrawing, d.WithdrawingFen), (CommissionBucket.Withdrawn, d.WithdrawnFen) })
            {
                if (Sum(bucket) != balance)
                {
                    differences.Add(new BalanceDifference(d.Id, d.Name, bucket, balance, Sum(bucket)));
                }
            }
        }
        return differences;
    }
}

public sealed record BalanceDifference(int DistributorId, string Name, CommissionBucket Bucket, long StoredFen, long LedgerFen);
