using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution.Commissions;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Withdrawals;

/// <summary>
/// A withdrawal's money moves, in the caller's transaction, each with its ledger entry: frozen from the withdrawable
/// balance by a conditional update (two requests at once cannot both take the last yuan), then paid out or returned.
/// </summary>
internal static class PayeeBalances
{
    /// <summary>False when the withdrawable balance is below the amount (nothing changed).</summary>
    public static async Task<bool> TryFreezeAsync(MallDbContext db, Withdrawal w, DateTime now, CancellationToken cancellationToken)
    {
        var amount = w.AmountFen;
        var moved = w.PayeeKind == PayeeKind.Distributor
            ? await db.Distributors.Where(d => d.Id == w.PayeeId && d.WithdrawableFen >= amount).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.WithdrawableFen, d => d.WithdrawableFen - amount)
                .SetProperty(d => d.WithdrawingFen, d => d.WithdrawingFen + amount), cancellationToken)
            : throw new NotSupportedException("Shop payouts come with merchant settlement.");
        if (moved == 0)
        {
            return false;
        }
        Record(db, w, CommissionEntryKind.WithdrawalRequested, CommissionBucket.Withdrawable, CommissionBucket.Withdrawing, now);
        return true;
    }

    /// <summary>Paid: 提现中 → 已提现; rejected or failed: 提现中 → 可提现.</summary>
    public static async Task CloseAsync(MallDbContext db, Withdrawal w, DateTime now, CancellationToken cancellationToken)
    {
        var amount = w.AmountFen;
        var paid = w.Status == WithdrawalStatus.Paid;
        await db.Distributors.Where(d => d.Id == w.PayeeId).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.WithdrawingFen, d => d.WithdrawingFen - amount)
            .SetProperty(d => d.WithdrawnFen, d => d.WithdrawnFen + (paid ? amount : 0))
            .SetProperty(d => d.WithdrawableFen, d => d.WithdrawableFen + (paid ? 0 : amount)), cancellationToken);
        Record(db, w, paid ? CommissionEntryKind.WithdrawalPaid : CommissionEntryKind.WithdrawalReturned, CommissionBucket.Withdrawing,
            paid ? CommissionBucket.Withdrawn : CommissionBucket.Withdrawable, now);
    }

    public static async Task<Money> WithdrawableAsync(MallDbContext db, PayeeKind kind, int payeeId, CancellationToken cancellationToken) =>
        new(Math.Max(0, await db.Distributors.Where(d => d.Id == payeeId).Select(d => d.WithdrawableFen).SingleAsync(cancellationToken)));

    private static void Record(MallDbContext db, Withdrawal w, CommissionEntryKind kind, CommissionBucket from, CommissionBucket to, DateTime now) =>
        db.CommissionEntries.Add(new CommissionEntry(w.PayeeId, w, kind, from, to, now));
}
