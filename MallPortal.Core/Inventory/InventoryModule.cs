using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Core.Inventory;

public static class InventoryModule
{
    /// <summary>Stock per SKU with its ledger, merchant stock work (inbound, adjustments, thresholds, stocktakes), alerts.</summary>
    public static IServiceCollection AddInventory(this IServiceCollection services)
    {
        services.AddSingleton<StockNotifier>();
        services.AddSingleton<InventoryService>();
        services.AddSingleton<StockService>();
        services.AddSingleton<StockQueries>();
        services.AddSingleton<StocktakeService>();
        services.AddSingleton<StockDigestService>();
        return services;
    }
}
