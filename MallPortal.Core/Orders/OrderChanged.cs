namespace MallPortal.Core.Orders;

/// <summary>An order moved (or gained a timeline row); open order lists of its buyer, its shop and the admin reload.</summary>
public sealed record OrderChanged(int OrderId, string Number, int BuyerUserId, int ShopId, OrderStatus Status);

/// <summary>A shop has a new order to ship (paid, or cash on delivery): the merchant's live alert.</summary>
public sealed record NewOrderReceived(int ShopId, string Number, long TotalFen);
