using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;

namespace MallPortal.Hosting;

/// <summary>
/// Guests' shop pages (home, category, product, search, shop) come from the output cache for a few seconds
/// (<c>Web:GuestPageCacheSeconds</c>, default 20; 0 turns it off). Who gets a cached copy: only a GET without an auth cookie.
/// The copy holds nobody's data: no antiforgery token (<see cref="GuestPageAntiforgery"/>) and no device, address or WeChat
/// id in the root component's parameters (App.razor). It must stay well inside the 5 minutes for which Blazor accepts the
/// prerender's protected component descriptors (ServerComponentSerializationSettings.DataExpiration), or the circuit of a
/// page served late from the cache would not start.
/// </summary>
public static class PageCaching
{
    public static IServiceCollection AddPageCaching(this IServiceCollection services, IConfiguration config)
    {
        var seconds = Math.Clamp(config.GetValue("Web:GuestPageCacheSeconds", 20), 0, 60);
        services.AddOutputCache(o =>
        {
            if (seconds > 0)
            {
                o.AddBasePolicy(new GuestPagePolicy(TimeSpan.FromSeconds(seconds)));
            }
        });
        services.AddAntiforgery();
        var antiforgery = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(antiforgery);
        services.AddSingleton<IAntiforgery>(sp => ActivatorUtilities.CreateInstance<GuestPageAntiforgery>(sp,
            (IAntiforgery)ActivatorUtilities.CreateInstance(sp, antiforgery.ImplementationType!)));
        return services;
    }

    /// <summary>After authentication and localization: the cache needs to know who asks and in which language.</summary>
    public static IApplicationBuilder UsePageCaching(this IApplicationBuilder app) => app.UseOutputCache();

    /// <summary>Whether this response may be stored in the shared cache, so must hold nothing of this visitor's.</summary>
    public static bool MayStore(HttpContext http) =>
        http.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true, AllowCacheStorage: true };
}
