using MallPortal.Core.Common;
using MallPortal.Core.Notifications;

namespace MallPortal.Core.Distribution.Withdrawals;

/// <summary>After a withdrawal step committed: the payee is told (inbox, SMS by preference) and open pages reload.</summary>
public sealed class WithdrawalNotifier(NotificationService notifications, ILiveUpdates live)
{
    public async Task AfterCommitAsync(Withdrawal w, CancellationToken cancellationToken)
    {
        var template = w.Status switch
        {
            WithdrawalStatus.Reviewing => NotificationTemplates.WithdrawalSubmitted,
            WithdrawalStatus.Approved => NotificationTemplates.WithdrawalApproved,
            WithdrawalStatus.Rejected => NotificationTemplates.WithdrawalRejected,
            WithdrawalStatus.Paid => NotificationTemplates.WithdrawalPaid,
            _ => NotificationTemplates.WithdrawalFailed,
        };
        var values = new Dictionary<string, string>
        {
            ["amount"] = new Money(w.AmountFen).ToString(), ["fee"] = new Money(w.FeeFen).ToString(), ["payout"] = new Money(w.PayoutFen).ToString(),
            ["account"] = $"{WithdrawalText.Method(w.Method)} {WithdrawalText.Mask(w.AccountNo)}", ["reason"] = w.Reason ?? "",
            ["reference"] = w.PayoutReference ?? "",
        };
        var link = w.PayeeKind == PayeeKind.Distributor ? "/distributor/withdrawals" : "/merchant/settlement";
        await notifications.NotifyAsync(w.RequestedByUserId, template, values, link, cancellationToken);
        await live.PublishAsync(new WithdrawalsChanged(w.PayeeKind, w.PayeeId), cancellationToken);
    }
}

/// <summary>A payee's withdrawals moved: its pages and the admin's review queue reload.</summary>
public sealed record WithdrawalsChanged(PayeeKind PayeeKind, int PayeeId);
