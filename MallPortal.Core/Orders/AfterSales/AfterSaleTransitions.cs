using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>
/// The one transition table of an after-sale case (售后单). Anything not listed is refused the same way, naming the
/// current state and the attempted step.
/// </summary>
public static class AfterSaleTransitions
{
    private static readonly Dictionary<(AfterSaleStatus From, AfterSaleTrigger Trigger), AfterSaleStatus> Table = new()
    {
        [(AfterSaleStatus.PendingMerchant, AfterSaleTrigger.ApproveReturn)] = AfterSaleStatus.AwaitingReturn,
        [(AfterSaleStatus.PendingMerchant, AfterSaleTrigger.Refund)] = AfterSaleStatus.Refunded,
        [(AfterSaleStatus.PendingMerchant, AfterSaleTrigger.Reject)] = AfterSaleStatus.Rejected,
        [(AfterSaleStatus.PendingMerchant, AfterSaleTrigger.Withdraw)] = AfterSaleStatus.Cancelled,
        [(AfterSaleStatus.Rejected, AfterSaleTrigger.Escalate)] = AfterSaleStatus.Arbitration,
        [(AfterSaleStatus.AwaitingReturn, AfterSaleTrigger.ShipBack)] = AfterSaleStatus.AwaitingReceipt,
        [(AfterSaleStatus.AwaitingReturn, AfterSaleTrigger.ExpireReturn)] = AfterSaleStatus.Closed,
        [(AfterSaleStatus.AwaitingReceipt, AfterSaleTrigger.Refund)] = AfterSaleStatus.Refunded,
        [(AfterSaleStatus.AwaitingReceipt, AfterSaleTrigger.RefuseReturn)] = AfterSaleStatus.ReturnRefused,
        [(AfterSaleStatus.ReturnRefused, AfterSaleTrigger.Escalate)] = AfterSaleStatus.Arbitration,
        [(AfterSaleStatus.Arbitration, AfterSaleTrigger.Refund)] = AfterSaleStatus.Refunded,
        [(AfterSaleStatus.Arbitration, AfterSaleTrigger.Dismiss)] = AfterSaleStatus.Closed,
    };

    public static IEnumerable<(AfterSaleStatus From, AfterSaleTrigger Trigger, AfterSaleStatus To)> Allowed =>
        Table.Select(t => (t.Key.From, t.Key.Trigger, t.Value));

    public static bool CanApply(AfterSaleStatus from, AfterSaleTrigger trigger) => Table.ContainsKey((from, trigger));

    public static AfterSaleStatus Next(AfterSaleStatus from, AfterSaleTrigger trigger) =>
        Table.TryGetValue((from, trigger), out var to)
            ? to
            : throw new DomainException(string.Format(CoreText.AfterSaleTransitionNotAllowed, AfterSaleText.Status(from), AfterSaleText.Trigger(trigger)), "Status");

    /// <summary>
    /// A case waiting for someone (merchant, buyer's parcel, platform) holds its line's money from settling and keeps a
    /// second case off the line. A refusal waits for nobody: the buyer may ask the platform later (a refund then is
    /// clawed back from settled money) or apply again.
    /// </summary>
    public static bool IsOpen(AfterSaleStatus status) => status is AfterSaleStatus.PendingMerchant or AfterSaleStatus.AwaitingReturn
        or AfterSaleStatus.AwaitingReceipt or AfterSaleStatus.Arbitration;

    public static readonly AfterSaleStatus[] OpenStates =
        Enum.GetValues<AfterSaleStatus>().Where(IsOpen).ToArray();
}

/// <summary>Display names of types, reasons, states and steps, in the current UI language.</summary>
public static class AfterSaleText
{
    public static string Type(AfterSaleType type) => Get($"AfterSaleType_{type}");

    public static string Reason(AfterSaleReason reason) => Get($"AfterSaleReason_{reason}");

    public static string Status(AfterSaleStatus status) => Get($"AfterSaleStatus_{status}");

    public static string Trigger(AfterSaleTrigger trigger) => Get($"AfterSaleTrigger_{trigger}");

    private static string Get(string key) =>
        CoreText.ResourceManager.GetString(key, System.Globalization.CultureInfo.CurrentUICulture) ?? key;
}
