using MallPortal.Core.Common;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders;

/// <summary>
/// The one transition table of an order. Anything not listed is refused the same way, with a message that names
/// the current status and the attempted step.
/// </summary>
public static class OrderTransitions
{
    private static readonly Dictionary<(OrderStatus From, OrderTrigger Trigger), OrderStatus> Table = new()
    {
        [(OrderStatus.PendingPayment, OrderTrigger.Pay)] = OrderStatus.PendingShipment,
        [(OrderStatus.PendingPayment, OrderTrigger.ChooseCashOnDelivery)] = OrderStatus.PendingShipment,
        [(OrderStatus.PendingPayment, OrderTrigger.CancelByBuyer)] = OrderStatus.Cancelled,
        [(OrderStatus.PendingPayment, OrderTrigger.CloseUnpaid)] = OrderStatus.Cancelled,
        [(OrderStatus.PendingShipment, OrderTrigger.Ship)] = OrderStatus.PendingReceipt,
        [(OrderStatus.PendingShipment, OrderTrigger.CancelWithRefund)] = OrderStatus.Cancelled,
        [(OrderStatus.PendingReceipt, OrderTrigger.ConfirmReceipt)] = OrderStatus.Completed,
        [(OrderStatus.PendingReceipt, OrderTrigger.AutoConfirmReceipt)] = OrderStatus.Completed,
    };

    public static IEnumerable<(OrderStatus From, OrderTrigger Trigger, OrderStatus To)> Allowed =>
        Table.Select(t => (t.Key.From, t.Key.Trigger, t.Value));

    /// <summary>Each step's timeline row has the step's own name in <see cref="OrderEventKind"/>.</summary>
    public static OrderEventKind EventOf(OrderTrigger trigger) => Enum.Parse<OrderEventKind>(trigger.ToString());

    public static bool CanApply(OrderStatus from, OrderTrigger trigger) => Table.ContainsKey((from, trigger));

    public static OrderStatus Next(OrderStatus from, OrderTrigger trigger) =>
        Table.TryGetValue((from, trigger), out var to)
            ? to
            : throw new DomainException(string.Format(CoreText.OrderTransitionNotAllowed, OrderText.Status(from), OrderText.Trigger(trigger)), "Status");
}
