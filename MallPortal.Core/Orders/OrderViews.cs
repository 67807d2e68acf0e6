using MallPortal.Core.Common;

namespace MallPortal.Core.Orders;

/// <summary>One order in a list: enough to recognise it and act on it.</summary>
public sealed record OrderRow(string Number, int ShopId, string ShopName, string BuyerName, OrderStatus Status, string PaymentMethod, Money Total,
    DateTime PlacedAt, DateTime PayBy, IReadOnlyList<OrderLineView> Lines, bool CancellationOpen, bool ReceiptExtended = false, bool UnderReview = false)
{
    public bool IsCashOnDelivery => Payments.CashOnDeliveryGateway.Is(PaymentMethod);
}

public sealed record OrderLineView(int Id, int ProductId, string Title, string SpecText, string? ImagePath, Money UnitPrice, int Quantity, Money Amount,
    bool Reviewed);

public sealed record OrderDetails(string Number, int ShopId, string ShopName, string ShopPhone, OrderStatus Status, string PaymentMethod,
    string PaymentNumber, Money ItemsTotal, Money ShippingFee, Money Total, string Note, string RecipientName, string RecipientMobile,
    string ShippingAddress, DateTime PlacedAt, DateTime PayBy, DateTime? ReceiveBy,
    DateTime? CashCollectedAt, IReadOnlyList<OrderLineView> Lines, IReadOnlyList<OrderEventView> Timeline, IReadOnlyList<RefundView> Refunds,
    IReadOnlyList<Shipping.ShipmentView> Shipments, bool ReceiptExtended = false, bool UnderReview = false)
{
    public RefundView? OpenRefund => Refunds.FirstOrDefault(r => r.Status == RefundStatus.Requested);

    /// <summary>Units of a line not in any parcel yet (部分发货 leaves some).</summary>
    public int Unshipped(OrderLineView line) =>
        line.Quantity - Shipments.SelectMany(s => s.Lines).Where(l => l.OrderLineId == line.Id).Sum(l => l.Quantity);

    public bool IsCashOnDelivery => Payments.CashOnDeliveryGateway.Is(PaymentMethod);
}

public sealed record OrderEventView(OrderEventKind Kind, OrderStatus StatusAfter, string? Note, DateTime At);

public sealed record RefundView(string Number, Money Amount, string Reason, RefundStatus Status, string? RejectReason, DateTime RequestedAt,
    DateTime? DecidedAt, RefundGatewayState GatewayState = RefundGatewayState.None, string? HandNote = null);

/// <summary>A list's filters: status (null = all), number / recipient / product keyword, placed-date range in business days, a work desk's focus.</summary>
public sealed record OrderFilter(OrderStatus? Status = null, string? Keyword = null, DateOnly? From = null, DateOnly? To = null, int? ShopId = null,
    OrderFocus Focus = OrderFocus.None);

public sealed record OrderStats(IReadOnlyDictionary<OrderStatus, int> ByStatus, IReadOnlyList<ShopOrderCount> ByShop);

/// <summary>One shop's orders: how many, how many still open, and its money as received / open / refunded (never one "total").</summary>
public sealed record ShopOrderCount(int ShopId, string ShopName, int Orders, int Open, Settlement.Takings Takings);
