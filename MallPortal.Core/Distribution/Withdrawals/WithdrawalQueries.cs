using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Withdrawals;

/// <summary>A payee's own withdrawals and what it may ask for; the admin's review queue (with whole account numbers, to pay out).</summary>
public sealed class WithdrawalQueries(IDbContextFactory<MallDbContext> contexts, DistributionSettingsStore settingsStore, BusinessTimeZone zone,
    TimeProvider clock)
{
    public async Task<WithdrawalRules> RulesAsync(Actor actor, PayeeKind kind = PayeeKind.Distributor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await PayeeBalances.OwnAsync(db, actor, kind, cancellationToken);
        var settings = await settingsStore.GetAsync(cancellationToken);
        var today = await PayeeBalances.RequestedTodayAsync(db, zone, kind, me.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var mine = db.Withdrawals.Where(w => w.PayeeKind == kind && w.PayeeId == me.Id);
        var last = await mine.OrderByDescending(w => w.Id).Select(w => new PayoutAccount(w.Method, w.AccountNo, w.AccountName, w.BankName))
            .FirstOrDefaultAsync(cancellationToken);
        return new WithdrawalRules(me.Id, me.NamesText, me.VerifiedNames[0], me.Withdrawable, me.Owed,
            new Money(settings.MinWithdrawalFen), new BasisPoints(settings.WithdrawalFeeBp), new Money(settings.DailyWithdrawalLimitFen), new Money(today), last);
    }

    public async Task<Page<WithdrawalRow>> MineAsync(Actor actor, int page, int pageSize, PayeeKind kind = PayeeKind.Distributor,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await PayeeBalances.OwnAsync(db, actor, kind, cancellationToken);
        return await PageAsync(db.Withdrawals.Where(w => w.PayeeKind == kind && w.PayeeId == me.Id), page, pageSize, mask: true, cancellationToken);
    }

    public async Task<Page<WithdrawalRow>> QueueAsync(Actor actor, WithdrawalStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = status is { } s ? db.Withdrawals.Where(w => w.Status == s) : db.Withdrawals;
        return await PageAsync(all, page, pageSize, mask: false, cancellationToken);
    }

    private static async Task<Page<WithdrawalRow>> PageAsync(IQueryable<Withdrawal> query, int page, int pageSize, bool mask, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(w => w.RequestedAt).ThenByDescending(w => w.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(w => new { w.Number, w.PayeeKind, w.PayeeId, w.AccountName, w.AmountFen, w.FeeFen, w.Method, w.AccountNo, w.BankName, w.Status, w.Reason,
                w.PayoutReference, w.RequestedAt, w.DecidedAt, w.PaidAt })
            .ToListAsync(cancellationToken);
        return new Page<WithdrawalRow>(rows.Select(w => new WithdrawalRow(w.Number, w.PayeeKind, w.PayeeId, w.AccountName, new Money(w.AmountFen),
            new Money(w.FeeFen), new Money(w.AmountFen - w.FeeFen), w.Method, mask ? WithdrawalText.Mask(w.AccountNo) : w.AccountNo, w.BankName, w.Status,
            w.Reason, w.PayoutReference, w.RequestedAt, w.DecidedAt, w.PaidAt)).ToList(), total);
    }
}

/// <summary>What the payee may withdraw now and under which rules (VerifiedName: the names an account may carry); the last account used fills the form.</summary>
public sealed record WithdrawalRules(int PayeeId, string VerifiedName, string DefaultName, Money Withdrawable, Money Owed, Money Minimum, BasisPoints Fee, Money DailyLimit,
    Money RequestedToday, PayoutAccount? LastAccount)
{
    public Money FeeOn(Money amount) => amount.Percent(Fee);
}

public sealed record WithdrawalRow(string Number, PayeeKind PayeeKind, int PayeeId, string PayeeName, Money Amount, Money Fee, Money Payout,
    PayoutMethod Method, string Account, string? BankName, WithdrawalStatus Status, string? Reason, string? PayoutReference, DateTime RequestedAt,
    DateTime? DecidedAt, DateTime? PaidAt);
