namespace MallPortal.Core.Orders;

/// <summary>What happened to an order in a committed change, for <see cref="OrderNotifier"/>; Detail is a reason when there is one.</summary>
public sealed record OrderNews(int OrderId, OrderEventKind Kind, string? Detail = null);
