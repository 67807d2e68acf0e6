using MallPortal.Core.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Core.Catalog;

public static class CatalogModule
{
    /// <summary>Shops and merchant onboarding, categories, brands, products and the storefront queries.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CatalogOptions>(configuration.GetSection(CatalogOptions.Section));
        services.AddSingleton<RichTextSanitizer>();
        services.AddScoped<MerchantApplicationService>();
        services.AddSingleton<ProductService>();
        services.AddSingleton<ProductQueries>();
        services.AddSingleton<CatalogQueries>();
        services.AddSingleton<CatalogAdminService>();
        services.AddSingleton<ShopService>();
        services.AddScoped<IDemoSeeder, CatalogDemoSeeder>();
        return services;
    }
}
