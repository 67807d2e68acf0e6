namespace MallPortal.Core.Distribution.Withdrawals;

/// <summary>One step of a withdrawal (append-only): the status it reached, who did it, the reason or payout reference.</summary>
public class WithdrawalEvent
{
    protected WithdrawalEvent()
    {
    }

    internal WithdrawalEvent(WithdrawalStatus status, int? actorUserId, string? note, DateTime at) =>
        (Status, ActorUserId, Note, At) = (status, actorUserId, note, at);

    public long Id { get; private set; }

    public int WithdrawalId { get; private set; }

    public WithdrawalStatus Status { get; private set; }

    public int? ActorUserId { get; private set; }

    public string? Note { get; private set; }

    public DateTime At { get; private set; }
}
