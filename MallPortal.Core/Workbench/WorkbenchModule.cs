using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Core.Workbench;

/// <summary>The work desks' read side: queries over the other modules, no state of their own.</summary>
public static class WorkbenchModule
{
    public static IServiceCollection AddWorkbench(this IServiceCollection services)
    {
        services.AddSingleton<MerchantWorkbenchQueries>();
        services.AddSingleton<AdminWorkbenchQueries>();
        return services;
    }
}
