using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Core.Orders.AfterSales;

public static class AfterSalesModule
{
    /// <summary>Cases per order line: the buyer's and merchant's steps, platform arbitration, deadlines, the money path, the talk.</summary>
    public static IServiceCollection AddAfterSales(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AfterSaleOptions>(configuration.GetSection(AfterSaleOptions.Section));
        services.AddSingleton<AfterSaleNotifier>();
        services.AddSingleton<AfterSaleSteps>();
        services.AddSingleton<AfterSaleRefunder>();
        services.AddSingleton<AfterSaleService>();
        services.AddSingleton<MerchantAfterSaleService>();
        services.AddSingleton<ArbitrationService>();
        services.AddSingleton<AfterSaleTimerService>();
        services.AddSingleton<AfterSaleTalkService>();
        services.AddSingleton<AfterSaleQueries>();
        services.AddSingleton<AfterSalePhotoService>();
        services.AddScoped<Seeding.IDemoSeeder, AfterSaleDemoSeeder>();
        return services;
    }
}
