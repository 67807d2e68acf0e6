using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Orders.Settlement;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Withdrawals;

/// <summary>
/// A withdrawal's money moves, in the caller's transaction, each with its ledger entry (the distributor's commission ledger
/// or the shop's settlement ledger): frozen from the withdrawable balance by a conditional update (two requests at once
/// cannot both take the last yuan), then paid out or returned.
/// </summary>
internal static class PayeeBalances
{
    /// <summary>The acting user's own payee of that kind, the names its payout account may carry, and its withdrawable balance.</summary>
    public static async Task<Payee> OwnAsync(MallDbContext db, Actor actor, PayeeKind kind, CancellationToken cancellationToken)
    {
        if (kind == PayeeKind.Distributor)
        {
            var d = await DistributorLookup.OwnAsync(db, actor, cancellationToken);
            var held = await db.Commissions.AnyAsync(c => c.DistributorId == d.Id && c.Hold == Risk.CommissionHold.Held, cancellationToken);
            return new Payee(kind, d.Id, d.Name, [d.Name], d.WithdrawableFen, held);
        }
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        var shop = await db.Shops.Where(s => s.Id == shopId).Select(s => new { s.Name, s.OwnerUserId }).SingleAsync(cancellationToken);
        // The shop's own name, or the responsible person's name from its approved application.
        var contact = await db.MerchantApplications.Where(a => a.ApplicantUserId == shop.OwnerUserId).OrderByDescending(a => a.Id)
            .Select(a => a.ContactName).FirstOrDefaultAsync(cancellationToken);
        var balance = await db.ShopAccounts.Where(a => a.ShopId == shopId).Select(a => (long?)a.WithdrawableFen).SingleOrDefaultAsync(cancellationToken) ?? 0;
        return new Payee(kind, shopId, shop.Name, contact is null ? [shop.Name] : [shop.Name, contact], balance);
    }

    /// <summary>What the payee has asked for since the start of the business-local day of <paramref name="now"/> (rejected and failed requests aside).</summary>
    public static async Task<long> RequestedTodayAsync(MallDbContext db, BusinessTimeZone zone, PayeeKind kind, int payeeId, DateTime now,
        CancellationToken cancellationToken)
    {
        var from = zone.StartOfDayUtc(DateOnly.FromDateTime(zone.ToLocal(now)));
        return await db.Withdrawals.Where(w => w.PayeeKind == kind && w.PayeeId == payeeId && w.RequestedAt >= from
                                               && w.Status != WithdrawalStatus.Rejected && w.Status != WithdrawalStatus.Failed)
            .SumAsync(w => w.AmountFen, cancellationToken);
    }

    /// <summary>False when the withdrawable balance is below the amount (nothing changed). The withdrawal is saved (it has its id).</summary>
    public static async Task<bool> TryFreezeAsync(MallDbContext db, Withdrawal w, DateTime now, CancellationToken cancellationToken)
    {
        var amount = w.AmountFen;
        if (w.PayeeKind == PayeeKind.Distributor)
        {
            var moved = await db.Distributors.Where(d => d.Id == w.PayeeId && d.WithdrawableFen >= amount).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.WithdrawableFen, d => d.WithdrawableFen - amount)
                .SetProperty(d => d.WithdrawingFen, d => d.WithdrawingFen + amount), cancellationToken);
            if (moved == 0)
            {
                return false;
            }
            db.CommissionEntries.Add(new CommissionEntry(w.PayeeId, w, CommissionEntryKind.WithdrawalRequested, CommissionBucket.Withdrawable, CommissionBucket.Withdrawing, now));
            return true;
        }
        var frozen = await db.ShopAccounts.Where(a => a.ShopId == w.PayeeId && a.WithdrawableFen >= amount).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.WithdrawableFen, a => a.WithdrawableFen - amount)
            .SetProperty(a => a.WithdrawingFen, a => a.WithdrawingFen + amount), cancellationToken);
        if (frozen == 0)
        {
            return false;
        }
        db.SettlementEntries.Add(new SettlementEntry(w.PayeeId, null, null, w.Id, SettlementEntryKind.WithdrawalRequested, SettlementBucket.Withdrawable,
            SettlementBucket.Withdrawing, amount, now));
        return true;
    }

    /// <summary>Paid: 提现中 → 已提现; rejected or failed: 提现中 → 可提现.</summary>
    public static async Task CloseAsync(MallDbContext db, Withdrawal w, DateTime now, CancellationToken cancellationToken)
    {
        var paid = w.Status == WithdrawalStatus.Paid;
        if (w.PayeeKind == PayeeKind.Shop)
        {
            var shops = new ShopLedger(db, now);
            shops.Move(w.PayeeId, null, null, w.Id, paid ? SettlementEntryKind.WithdrawalPaid : SettlementEntryKind.WithdrawalReturned, SettlementBucket.Withdrawing,
                paid ? SettlementBucket.Withdrawn : SettlementBucket.Withdrawable, w.AmountFen);
            await shops.FlushAsync(cancellationToken);
            return;
        }
        var amount = w.AmountFen;
        await db.Distributors.Where(d => d.Id == w.PayeeId).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.WithdrawingFen, d => d.WithdrawingFen - amount)
            .SetProperty(d => d.WithdrawnFen, d => d.WithdrawnFen + (paid ? amount : 0))
            .SetProperty(d => d.WithdrawableFen, d => d.WithdrawableFen + (paid ? 0 : amount)), cancellationToken);
        db.CommissionEntries.Add(new CommissionEntry(w.PayeeId, w, paid ? CommissionEntryKind.WithdrawalPaid : CommissionEntryKind.WithdrawalReturned,
            CommissionBucket.Withdrawing, paid ? CommissionBucket.Withdrawn : CommissionBucket.Withdrawable, now));
    }
}

/// <summary>Who is paid: its kind and id, the name shown, the names a payout account may carry, the withdrawable balance (below zero: owed).</summary>
/// <param name="Flagged">Commissions of the payee are held for abuse signals: no request of it is approved automatically.</param>
internal sealed record Payee(PayeeKind Kind, int Id, string Name, IReadOnlyList<string> VerifiedNames, long WithdrawableFen, bool Flagged = false)
{
    public Money Withdrawable => new(Math.Max(0, WithdrawableFen));

    public Money Owed => new(Math.Max(0, -WithdrawableFen));

    public string NamesText => string.Join(CoreText.OrSeparator, VerifiedNames);
}
