using MallPortal.Core.Analytics;
using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Distribution;
using MallPortal.Core.Files;
using MallPortal.Core.Inventory;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders;
using MallPortal.Core.Seeding;
using MallPortal.Core.Workbench;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MallPortal.Core;

public static class MallCoreRegistration
{
    /// <summary>Every module of the business, each through its own Add*() (OrchardCore's pattern).</summary>
    public static IServiceCollection AddMallCore(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(BusinessTimeZone.FromId(configuration["Business:TimeZone"]));
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<DemoSite>();
        services.Configure<AbuseLimitOptions>(configuration.GetSection(AbuseLimitOptions.Section));
        services.TryAddSingleton<IAbuseWindows, InProcessAbuseWindows>();
        services.AddSingleton<AbuseLimits>();
        services.AddFileStore(configuration, dataFolder);
        services.AddAccounts(configuration);
        services.AddNotifications(configuration, dataFolder);
        services.AddCatalog(configuration);
        services.AddInventory();
        services.AddOrders(configuration);
        services.AddDistribution(configuration);
        services.AddAnalytics();
        services.AddWorkbench();
        return services;
    }
}
