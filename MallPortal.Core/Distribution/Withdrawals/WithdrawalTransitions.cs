using System.Globalization;
using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Distribution.Withdrawals;

/// <summary>The one transition table of a withdrawal; anything else (approving twice, paying a rejected one) is refused the same way.</summary>
public static class WithdrawalTransitions
{
    private static readonly Dictionary<(WithdrawalStatus From, WithdrawalTrigger Trigger), WithdrawalStatus> Table = new()
    {
        [(WithdrawalStatus.Reviewing, WithdrawalTrigger.Approve)] = WithdrawalStatus.Approved,
        [(WithdrawalStatus.Reviewing, WithdrawalTrigger.Reject)] = WithdrawalStatus.Rejected,
        [(WithdrawalStatus.Approved, WithdrawalTrigger.MarkPaid)] = WithdrawalStatus.Paid,
        [(WithdrawalStatus.Approved, WithdrawalTrigger.MarkFailed)] = WithdrawalStatus.Failed,
    };

    public static IEnumerable<(WithdrawalStatus From, WithdrawalTrigger Trigger, WithdrawalStatus To)> Allowed =>
        Table.Select(t => (t.Key.From, t.Key.Trigger, t.Value));

    public static WithdrawalStatus Next(WithdrawalStatus from, WithdrawalTrigger trigger) =>
        Table.TryGetValue((from, trigger), out var to)
            ? to
            : throw new DomainException(string.Format(CoreText.WithdrawalTransitionNotAllowed, WithdrawalText.Status(from), WithdrawalText.Trigger(trigger)), "Status");
}

/// <summary>Display names of withdrawal states, steps and payout methods, in the current UI language; masked account numbers.</summary>
public static class WithdrawalText
{
    public static string Status(WithdrawalStatus status) => Get($"WithdrawalStatus_{status}");

    public static string Trigger(WithdrawalTrigger trigger) => Get($"WithdrawalTrigger_{trigger}");

    public static string Method(PayoutMethod method) => Get($"PayoutMethod_{method}");

    /// <summary>The first 3 and the last 4 characters show (622***********1234); a short one is all stars.</summary>
    public static string Mask(string accountNo) =>
        accountNo.Length <= 7 ? new string('*', accountNo.Length) : accountNo[..3] + new string('*', accountNo.Length - 7) + accountNo[^4..];

    private static string Get(string key) => CoreText.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
