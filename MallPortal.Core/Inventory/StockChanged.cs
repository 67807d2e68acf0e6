namespace MallPortal.Core.Inventory;

/// <summary>Live update: these SKUs' stock changed (product pages and stock lists refresh their figures).</summary>
public sealed record StockChanged(int ShopId, IReadOnlyList<int> SkuIds);

/// <summary>Live update: a low-stock alert opened for a shop (the merchant dashboard shows a banner).</summary>
public sealed record StockRunningLow(int ShopId, int SkuId, int Available);
