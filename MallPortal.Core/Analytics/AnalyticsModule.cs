using MallPortal.Core.Analytics.History;
using MallPortal.Core.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Core.Analytics;

public static class AnalyticsModule
{
    /// <summary>Daily sales rollups, the dashboards' queries and promotion periods (decision 0019).</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<RollupService>();
        services.AddSingleton<SalesQueries>();
        services.AddSingleton<CommissionQueries>();
        services.AddSingleton<SalesDrillQueries>();
        services.AddSingleton<PromotionPeriodService>();
        services.AddSingleton<PlatformQueries>();
        services.AddSingleton<DistributorPerformanceQueries>();
        services.AddSingleton<SalesHistoryGenerator>();
        services.AddScoped<IDemoSeeder, AnalyticsDemoSeeder>();
        return services;
    }
}
