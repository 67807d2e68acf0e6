using MallPortal.Core.Orders.Shipping.Kuaidi100;
using MallPortal.Core.Orders.Shipping.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Core.Orders.Shipping;

public static class ShippingModule
{
    /// <summary>Parcels and their traces: shipping, Kuaidi100 subscriptions and pushes, the simulator, the merchant's care.</summary>
    public static IServiceCollection AddShipping(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LogisticsOptions>(configuration.GetSection(LogisticsOptions.Section));
        services.AddSingleton<ShippingSettings>();
        services.AddSingleton<ShippingService>();
        services.AddSingleton<ShipmentProgress>();
        services.AddSingleton<ShipmentTracker>();
        services.AddSingleton<ShipmentCareService>();
        services.AddSingleton<ShipmentQueries>();
        services.AddSingleton<LogisticsPushService>();
        services.AddSingleton<Kuaidi100Client>();
        services.AddHttpClient(Kuaidi100Client.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<TrackingSimulator>();
        services.AddScoped<Seeding.IDemoSeeder, ShippingDemoSeeder>();
        return services;
    }
}
