using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Resources;

namespace MallPortal.Core.Orders;

/// <summary>
/// One shop's part of a checkout. Lines are added only when it is placed; the status moves only through
/// <see cref="OrderTransitions"/>, and every step leaves a timeline row.
/// </summary>
public class Order
{
    public const int NoteMaxLength = 200;

    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderEvent> _events = [];
    private readonly List<OrderStep> _steps = [];

    protected Order()
    {
    }

    public int Id { get; private set; }

    /// <summary>What people see and quote (20260126153012123456); never the database id.</summary>
    public string Number { get; private set; } = "";

    public int BuyerUserId { get; private set; }

    public int ShopId { get; private set; }

    public int PaymentId { get; private set; }

    public Payment Payment { get; private set; } = default!;

    public string PaymentMethod { get; private set; } = "";

    public OrderStatus Status { get; private set; }

    public Money ItemsTotal { get; private set; }

    public Money ShippingFee { get; private set; }

    /// <summary>Stored as plain fen so sums and filters run in SQL on both providers (decision 0005).</summary>
    public long TotalFen { get; private set; }

    public Money Total => new(TotalFen);

    public string Note { get; private set; } = "";

    public string RecipientName { get; private set; } = "";

    public string RecipientMobile { get; private set; } = "";

    public string RecipientProvince { get; private set; } = "";

    public string RecipientCity { get; private set; } = "";

    public string RecipientDistrict { get; private set; } = "";

    /// <summary>The street, building and door: the rest of the address below the district.</summary>
    public string RecipientStreet { get; private set; } = "";

    public OrderRecipient Recipient => new(RecipientName, RecipientMobile, RecipientProvince, RecipientCity, RecipientDistrict, RecipientStreet);

    public string ShippingAddress => Recipient.FullAddress;

    public DateTime PlacedAt { get; private set; }

    /// <summary>An unpaid order closes at this moment (the payment timeout).</summary>
    public DateTime PayBy { get; private set; }

    public DateTime? PaymentReminderSentAt { get; private set; }

    public DateTime? PaidAt { get; private set; }

    public DateTime? ShippedAt { get; private set; }

    /// <summary>Receipt is confirmed for the buyer at this moment if they have not done it.</summary>
    public DateTime? ReceiveBy { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public DateTime? CashCollectedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>延长收货: when the buyer pushed the automatic receipt back (once per order).</summary>
    public DateTime? ReceiptExtendedAt { get; private set; }

    /// <summary>删除订单: when the buyer hid this finished order from its list; the shop and the platform still see it.</summary>
    public DateTime? HiddenByBuyerAt { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<OrderEvent> Events => _events;

    /// <summary>What happened since this order was loaded and is not committed yet; <see cref="OrderSteps"/> hands it on.</summary>
    public IReadOnlyList<OrderStep> PendingSteps => _steps;

    internal static Order Place(string number, int buyerUserId, int shopId, Payment payment, OrderRecipient recipient,
        IReadOnlyList<OrderLine> lines, Money shippingFee, string? note, DateTime now, DateTime payBy)
    {
        if ((note ?? "").Trim().Length > NoteMaxLength)
        {
            throw new DomainException(string.Format(CoreText.OrderNoteTooLong, NoteMaxLength), nameof(Note));
        }
        var order = new Order
        {
            Number = number, BuyerUserId = buyerUserId, ShopId = shopId, Payment = payment, PaymentMethod = payment.Gateway,
            Status = OrderStatus.PendingPayment, ShippingFee = shippingFee, Note = (note ?? "").Trim(),
            RecipientName = recipient.Name, RecipientMobile = recipient.Mobile, RecipientProvince = recipient.Province,
            RecipientCity = recipient.City, RecipientDistrict = recipient.District, RecipientStreet = recipient.Street,
            PlacedAt = now, PayBy = payBy,
        };
        order._lines.AddRange(lines);
        order.ItemsTotal = new Money(lines.Sum(l => l.Amount.Fen));
        order.TotalFen = (order.ItemsTotal + shippingFee).Fen;
        order.AddEvent(OrderEventKind.Placed, null, buyerUserId, now);
        return order;
    }

    public bool IsCashOnDelivery => CashOnDeliveryGateway.Is(PaymentMethod);

    /// <summary>Moves the order one step; throws the standard message when the table does not allow it.</summary>
    public void Apply(OrderTrigger trigger, DateTime now, int? actorUserId, string? note = null)
    {
        Status = OrderTransitions.Next(Status, trigger);
        switch (trigger)
        {
            case OrderTrigger.Pay: PaidAt = now; break;
            case OrderTrigger.CancelByBuyer or OrderTrigger.CloseUnpaid or OrderTrigger.CancelWithRefund: CancelledAt = now; break;
            case OrderTrigger.ConfirmReceipt or OrderTrigger.AutoConfirmReceipt: CompletedAt = now; break;
        }
        Version++;
        AddEvent(OrderTransitions.EventOf(trigger), note, actorUserId, now);
    }

    /// <summary>
    /// The merchant approved a cancellation: the order closes and the step carries the refund, by line. The timeline says
    /// where the money stands: refunded, still processing at the provider (it arrives later, <see cref="RefundArrived"/>), or
    /// none (cash on delivery not collected).
    /// </summary>
    internal void CancelWithRefund(Refund refund, DateTime now, int actorUserId)
    {
        var note = refund switch
        {
            { Amount.IsZero: true } => CoreText.CancelledWithoutPaymentNote,
            { GatewayState: RefundGatewayState.Processing } => string.Format(CoreText.RefundProcessingNote, refund.Amount),
            _ => string.Format(CoreText.RefundNote, refund.Amount),
        };
        Apply(OrderTrigger.CancelWithRefund, now, actorUserId, note);
        // The buyer is told the amount, or (nothing was paid, cash on delivery) only that the order is cancelled.
        _steps[^1] = _steps[^1] with { Detail = refund.Amount.IsZero ? null : refund.Amount.ToString(), Refund = refund };
    }

    /// <summary>
    /// A parcel left the shop. The last one (every unit shipped) moves the order to 待收货 and starts the automatic
    /// receipt; an earlier one is a 部分发货 row on the timeline.
    /// </summary>
    internal void ShipPackage(Shipping.Shipment package, bool complete, DateTime now, TimeSpan autoConfirmAfter, int actorUserId)
    {
        if (!complete)
        {
            if (Status != OrderStatus.PendingShipment)
            {
                OrderTransitions.Next(Status, OrderTrigger.Ship);
            }
            Record(OrderEventKind.PackageShipped, package.Describe(), actorUserId, now);
            return;
        }
        Apply(OrderTrigger.Ship, now, actorUserId, package.Describe());
        (ShippedAt, ReceiveBy) = (now, now + autoConfirmAfter);
    }

    /// <summary>An after-sale case on this order moved (申请, 同意, 退回 …): a timeline row.</summary>
    internal void RecordAfterSale(string note, int? actorUserId, DateTime now) => Record(OrderEventKind.AfterSale, note, actorUserId, now);

    /// <summary>An after-sale case gave money back: the step carries the refund, by line, for the money's handlers.</summary>
    internal void RefundAfterSale(Refund refund, string note, int? actorUserId, DateTime now)
    {
        Record(OrderEventKind.AfterSaleRefunded, note, actorUserId, now);
        _steps[^1] = _steps[^1] with { Detail = refund.Amount.ToString(), Refund = refund };
    }

    /// <summary>A parcel's trace moved (out for delivery, signed, a problem): a timeline row that the buyer or shop is told of.</summary>
    /// <summary>
    /// A refund the provider was processing reached the buyer: a timeline row whose step carries the amount for the
    /// message, not the refund (its money effects were written when it was granted).
    /// </summary>
    internal void RefundArrived(Refund refund, DateTime now)
    {
        Record(OrderEventKind.RefundArrived, string.Format(CoreText.RefundArrivedNote, refund.Amount), null, now);
        _steps[^1] = _steps[^1] with { Detail = refund.Amount.ToString() };
    }

    internal void RecordParcel(OrderEventKind kind, string note, DateTime now) => Record(kind, note, null, now);

    /// <summary>
    /// Every parcel is signed for: the automatic receipt now runs from the signing time (plus the buyer's extension,
    /// if taken), while the order still waits for receipt.
    /// </summary>
    internal void AllParcelsSigned(DateTime signedAt, int days, int extensionDays)
    {
        if (Status == OrderStatus.PendingReceipt)
        {
            ReceiveBy = signedAt.AddDays(days + (ReceiptExtendedAt is null ? 0 : extensionDays));
            Version++;
        }
    }

    internal void SplitRecipient(string province, string city, string district, string street) =>
        (RecipientProvince, RecipientCity, RecipientDistrict, RecipientStreet) = (province, city, district, street);

    /// <summary>Paying this order alone after its checkout's payment was closed.</summary>
    /// <summary>A new payment for this unpaid order (a second try, or another gateway: the order's method follows it).</summary>
    internal void MovePayment(Payment payment)
    {
        (Payment, PaymentMethod) = (payment, payment.Gateway);
        Version++;
    }

    internal void RemindedAboutPayment(DateTime now) => PaymentReminderSentAt = now;

    internal void Record(OrderEventKind kind, string? note, int? actorUserId, DateTime now)
    {
        Version++;
        AddEvent(kind, note, actorUserId, now);
    }

    internal void StepsCommitted() => _steps.Clear();

    private void AddEvent(OrderEventKind kind, string? note, int? actorUserId, DateTime now)
    {
        _events.Add(new OrderEvent(kind, Status, note, actorUserId, now));
        _steps.Add(new OrderStep(this, kind, now, note));
    }

    /// <summary>The parcel is slow: the buyer moves the automatic receipt back, once, while it has not happened yet.</summary>
    public void ExtendReceipt(DateTime now, int days, int actorUserId)
    {
        if (Status != OrderStatus.PendingReceipt || ReceiptExtendedAt is not null || ReceiveBy is not { } due || due <= now)
        {
            throw new DomainException(CoreText.ReceiptExtensionNotAllowed, nameof(ReceiveBy));
        }
        (ReceiveBy, ReceiptExtendedAt) = (due.AddDays(days), now);
        Record(OrderEventKind.ReceiptExtended, string.Format(CoreText.ReceiptExtendedBy, days), actorUserId, now);
    }

    /// <summary>Only a finished order (completed or cancelled) leaves the buyer's list; hiding it twice changes nothing.</summary>
    public void HideFromBuyer(DateTime now)
    {
        if (Status is not (OrderStatus.Completed or OrderStatus.Cancelled))
        {
            throw new DomainException(CoreText.OrderDeleteNotAllowed, nameof(HiddenByBuyerAt));
        }
        if (HiddenByBuyerAt is null)
        {
            HiddenByBuyerAt = now;
            Version++;
        }
    }

    /// <summary>The courier handed over the cash: only for cash-on-delivery orders that have left the shop, once.</summary>
    public void MarkCashCollected(DateTime now, int actorUserId)
    {
        if (!IsCashOnDelivery || Status is not (OrderStatus.PendingReceipt or OrderStatus.Completed) || CashCollectedAt is not null)
        {
            throw new DomainException(CoreText.CashCollectionNotAllowed, nameof(CashCollectedAt));
        }
        // The money reached the shop: for cash on delivery this is the payment (decision 0008).
        (CashCollectedAt, PaidAt) = (now, now);
        Record(OrderEventKind.CashCollected, null, actorUserId, now);
    }
}
