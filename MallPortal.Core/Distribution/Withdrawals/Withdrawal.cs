using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution.Withdrawals;

public enum WithdrawalStatus
{
    /// <summary>审核中: the amount is frozen (提现中) until the review.</summary>
    Reviewing,

    /// <summary>已通过: waiting for the payout.</summary>
    Approved,

    /// <summary>已打款, with the payout reference.</summary>
    Paid,

    /// <summary>已拒绝, with a reason; the amount went back.</summary>
    Rejected,

    /// <summary>打款失败, with a reason; the amount went back.</summary>
    Failed,
}

public enum WithdrawalTrigger
{
    Approve,
    Reject,
    MarkPaid,
    MarkFailed,
}

public enum PayoutMethod
{
    Alipay,
    WeChat,
    BankCard,
}

/// <summary>Who asks for the money: a distributor (its commission) or a shop (its settlement).</summary>
public enum PayeeKind
{
    Distributor,
    Shop,
}

/// <summary>
/// A request to be paid out. The amount (fee included) left the withdrawable balance when it was made; every step is a
/// row of <see cref="WithdrawalEvent"/> and goes through <see cref="WithdrawalTransitions"/>.
/// </summary>
public class Withdrawal
{
    public const int ReasonMaxLength = 200;

    private readonly List<WithdrawalEvent> _events = [];

    protected Withdrawal()
    {
    }

    public int Id { get; private set; }

    public string Number { get; private set; } = "";

    public PayeeKind PayeeKind { get; private set; }

    /// <summary>The distributor's id or the shop's id, by <see cref="PayeeKind"/>.</summary>
    public int PayeeId { get; private set; }

    public int RequestedByUserId { get; private set; }

    /// <summary>What leaves the balance: the payout plus the fee.</summary>
    public long AmountFen { get; private set; }

    public long FeeFen { get; private set; }

    public long PayoutFen => AmountFen - FeeFen;

    public PayoutMethod Method { get; private set; }

    public string AccountNo { get; private set; } = "";

    public string AccountName { get; private set; } = "";

    public string? BankName { get; private set; }

    public WithdrawalStatus Status { get; private set; }

    public string? Reason { get; private set; }

    public string? PayoutReference { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public DateTime? PaidAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<WithdrawalEvent> Events => _events;

    public bool ReturnsAmount => Status is WithdrawalStatus.Rejected or WithdrawalStatus.Failed;

    internal static Withdrawal Request(string number, PayeeKind kind, int payeeId, int userId, Money amount, Money fee, PayoutAccount account, DateTime now)
    {
        var withdrawal = new Withdrawal
        {
            Number = number, PayeeKind = kind, PayeeId = payeeId, RequestedByUserId = userId, AmountFen = amount.Fen, FeeFen = fee.Fen,
            Method = account.Method, AccountNo = account.AccountNo, AccountName = account.AccountName, BankName = account.BankName,
            Status = WithdrawalStatus.Reviewing, RequestedAt = now,
        };
        withdrawal._events.Add(new WithdrawalEvent(WithdrawalStatus.Reviewing, userId, null, now));
        return withdrawal;
    }

    /// <summary>One step; a second approval or payment of the same request is refused with the standard message.</summary>
    internal void Apply(WithdrawalTrigger trigger, int? actorUserId, string? note, DateTime now)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trigger is WithdrawalTrigger.Reject or WithdrawalTrigger.MarkFailed && (note is null || note.Length > ReasonMaxLength))
        {
            throw new DomainException(string.Format(CoreText.WithdrawalReasonRequired, ReasonMaxLength), nameof(Reason));
        }
        if (trigger == WithdrawalTrigger.MarkPaid && (note is null || note.Length > 64))
        {
            throw new DomainException(CoreText.PayoutReferenceRequired, nameof(PayoutReference));
        }
        Status = WithdrawalTransitions.Next(Status, trigger);
        switch (trigger)
        {
            case WithdrawalTrigger.Approve: DecidedAt = now; break;
            case WithdrawalTrigger.Reject: (DecidedAt, Reason) = (now, note); break;
            case WithdrawalTrigger.MarkPaid: (PaidAt, PayoutReference) = (now, note); break;
            case WithdrawalTrigger.MarkFailed: Reason = note; break;
        }
        Version++;
        _events.Add(new WithdrawalEvent(Status, actorUserId, note, now));
    }
}

/// <summary>Where the money goes. The name must be the payee's own (the approved application's, or the shop's licence holder).</summary>
public sealed record PayoutAccount(PayoutMethod Method, string AccountNo, string AccountName, string? BankName = null);

internal sealed class WithdrawalConfiguration : IEntityTypeConfiguration<Withdrawal>
{
    public void Configure(EntityTypeBuilder<Withdrawal> builder)
    {
        builder.Property(w => w.Number).HasMaxLength(32).IsRequired();
        builder.HasIndex(w => w.Number).IsUnique();
        builder.Property(w => w.AccountNo).HasMaxLength(40).IsRequired();
        builder.Property(w => w.AccountName).HasMaxLength(60).IsRequired();
        builder.Property(w => w.BankName).HasMaxLength(40);
        builder.Property(w => w.Reason).HasMaxLength(Withdrawal.ReasonMaxLength);
        builder.Property(w => w.PayoutReference).HasMaxLength(64);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.Ignore(w => w.PayoutFen);
        builder.Ignore(w => w.ReturnsAmount);
        builder.HasIndex(w => new { w.PayeeKind, w.PayeeId, w.RequestedAt });
        builder.HasIndex(w => new { w.Status, w.RequestedAt });
        builder.HasMany(w => w.Events).WithOne().HasForeignKey(e => e.WithdrawalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
