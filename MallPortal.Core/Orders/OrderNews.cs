namespace MallPortal.Core.Orders;

/// <summary>
/// What happened to an order in a committed change, for <see cref="OrderNotifier"/>; Detail is a reason when there is one.
/// <paramref name="RefundProcessing"/>: the step's refund is still on its way at the provider.
/// </summary>
public sealed record OrderNews(int OrderId, OrderEventKind Kind, string? Detail = null, bool RefundProcessing = false);
