using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>The distributor's balances; an entry moves an amount out of one (or in from outside) and into another.</summary>
public enum CommissionBucket
{
    Estimated,
    Frozen,
    Withdrawable,
    Withdrawing,
    Withdrawn,
}

public enum CommissionEntryKind
{
    /// <summary>Earned at payment: into 预估.</summary>
    Accrued,

    /// <summary>Goods received: 预估 → 冻结.</summary>
    Frozen,

    /// <summary>After-sales window closed: 冻结 → 可提现.</summary>
    Settled,

    /// <summary>Refunded before settlement: out of 预估 or 冻结.</summary>
    Reversed,

    /// <summary>Refunded after settlement: out of 可提现, which may go below zero (待追回) and is offset by later earnings.</summary>
    ClawedBack,

    /// <summary>Held for abuse signals and voided by the admin: out of 预估 or 冻结, back to the shop.</summary>
    Voided,

    /// <summary>A withdrawal was asked for: 可提现 → 提现中.</summary>
    WithdrawalRequested,

    /// <summary>It was paid out: 提现中 → 已提现.</summary>
    WithdrawalPaid,

    /// <summary>It was rejected or the payout failed: 提现中 → 可提现.</summary>
    WithdrawalReturned,
}

/// <summary>
/// One line of a distributor's commission ledger (append-only). A balance is the sum of the amounts moved into its bucket
/// minus those moved out; <see cref="CommissionReconciliation"/> checks that the stored balances agree.
/// </summary>
public class CommissionEntry
{
    protected CommissionEntry()
    {
    }

    internal CommissionEntry(Commission commission, CommissionEntryKind kind, CommissionBucket? from, CommissionBucket? to, long amountFen, DateTime at) =>
        (Commission, DistributorId, Kind, From, To, AmountFen, At) = (commission, commission.DistributorId, kind, from, to, amountFen, at);

    internal CommissionEntry(int distributorId, Withdrawals.Withdrawal withdrawal, CommissionEntryKind kind, CommissionBucket from, CommissionBucket to, DateTime at) =>
        (DistributorId, Withdrawal, Kind, From, To, AmountFen, At) = (distributorId, withdrawal, kind, from, to, withdrawal.AmountFen, at);

    public long Id { get; private set; }

    public int DistributorId { get; private set; }

    public int? WithdrawalId { get; private set; }

    public Withdrawals.Withdrawal? Withdrawal { get; private set; }

    public int? CommissionId { get; private set; }

    public Commission? Commission { get; private set; }

    public CommissionEntryKind Kind { get; private set; }

    public CommissionBucket? From { get; private set; }

    public CommissionBucket? To { get; private set; }

    /// <summary>Always positive; the direction is From → To.</summary>
    public long AmountFen { get; private set; }

    public DateTime At { get; private set; }
}

internal sealed class CommissionEntryConfiguration : IEntityTypeConfiguration<CommissionEntry>
{
    public void Configure(EntityTypeBuilder<CommissionEntry> builder)
    {
        builder.HasIndex(e => new { e.DistributorId, e.At });
        builder.HasIndex(e => new { e.At, e.Kind });
        builder.HasOne(e => e.Commission).WithMany().HasForeignKey(e => e.CommissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Withdrawal).WithMany().HasForeignKey(e => e.WithdrawalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Distributor>().WithMany().HasForeignKey(e => e.DistributorId).OnDelete(DeleteBehavior.Restrict);
    }
}
