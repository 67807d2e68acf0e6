using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Withdrawals;

/// <summary>
/// Withdrawals from a withdrawable balance: asked for by the payee (a distributor its commission, a merchant its shop's settlement),
/// reviewed and paid by the admin. Every step notifies the payee; the balance moves with the step, in its transaction.
/// </summary>
public sealed class WithdrawalService(IDbContextFactory<MallDbContext> contexts, DistributionSettingsStore settingsStore, OrderNumbers numbers,
    WithdrawalNotifier notifier, BusinessTimeZone zone, TimeProvider clock)
{
    /// <summary>
    /// Within the minimum, the daily limit and the balance, to an account in the payee's verified name; the amount (fee
    /// included) is frozen at once. Small requests of a payee with nothing owed and no commission held for review are approved at
    /// once when the admin allows it.
    /// </summary>
    public async Task<string> RequestAsync(Actor actor, WithdrawalRequest input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payee = await PayeeBalances.OwnAsync(db, actor, input.Kind, cancellationToken);
        var settings = await settingsStore.GetAsync(cancellationToken);
        var account = PayoutAccountPolicy.Check(input.Account, payee.VerifiedNames);
        if (input.Amount.Fen < settings.MinWithdrawalFen)
        {
            throw new DomainException(string.Format(CoreText.WithdrawalBelowMinimum, new Money(settings.MinWithdrawalFen)), "Amount");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var withdrawal = Withdrawal.Request(numbers.Withdrawal(now), payee.Kind, payee.Id, actor.UserId, input.Amount,
            input.Amount.Percent(new BasisPoints(settings.WithdrawalFeeBp)), account, now);
        if (input.Amount.Fen <= settings.AutoApproveUpToFen && payee.Owed.IsZero && !payee.Flagged)
        {
            withdrawal.Apply(WithdrawalTrigger.Approve, null, CoreText.WithdrawalAutoApproved, now);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Withdrawals.Add(withdrawal);
        await db.SaveChangesAsync(cancellationToken);
        // The balance next: its conditional update also holds the payee's row, so the daily total below cannot race.
        if (!await PayeeBalances.TryFreezeAsync(db, withdrawal, now, cancellationToken))
        {
            throw new DomainException(string.Format(CoreText.WithdrawalOverBalance, payee.Withdrawable), "Amount");
        }
        var today = await PayeeBalances.RequestedTodayAsync(db, zone, payee.Kind, payee.Id, now, cancellationToken) - input.Amount.Fen;
        if (today + input.Amount.Fen > settings.DailyWithdrawalLimitFen)
        {
            throw new DomainException(string.Format(CoreText.WithdrawalOverDailyLimit, new Money(settings.DailyWithdrawalLimitFen), new Money(today)), "Amount");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.AfterCommitAsync(withdrawal, cancellationToken);
        return withdrawal.Number;
    }

    /// <summary>
    /// The admin's step: approve or reject (with a reason) a request under review, mark an approved one paid (with the
    /// payout reference) or failed (with a reason). Rejected and failed amounts return to the withdrawable balance.
    /// </summary>
    public async Task ProcessAsync(Actor actor, string number, WithdrawalTrigger trigger, string? note, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var withdrawal = await db.Withdrawals.Include(w => w.Events).SingleOrDefaultAsync(w => w.Number == number, cancellationToken)
            ?? throw new DomainException(CoreText.WithdrawalNotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        withdrawal.Apply(trigger, actor.UserId, note, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (withdrawal.Status is WithdrawalStatus.Paid or WithdrawalStatus.Rejected or WithdrawalStatus.Failed)
        {
            await PayeeBalances.CloseAsync(db, withdrawal, now, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another admin took the same step a moment ago; the balance update rolls back with this transaction.
            throw new DomainException(CoreText.WithdrawalChangedMeanwhile);
        }
        await transaction.CommitAsync(cancellationToken);
        await notifier.AfterCommitAsync(withdrawal, cancellationToken);
    }
}

public sealed record WithdrawalRequest(Money Amount, PayoutAccount Account, PayeeKind Kind = PayeeKind.Distributor);
