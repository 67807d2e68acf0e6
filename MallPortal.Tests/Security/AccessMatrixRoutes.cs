using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Security;

/// <summary>Every route the running app answers, read from its own endpoint table (so a new page or endpoint shows up here).</summary>
public static class AccessMatrixRoutes
{
    /// <summary>Razor component pages answer GET (and their static forms' POST) as one endpoint; the matrix calls them PAGE.</summary>
    public const string Page = "PAGE";

    public static IReadOnlyList<(string Method, string Pattern)> Discover(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsFramework(e))
            .SelectMany(e => MethodsOf(e).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct().OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.m, StringComparer.Ordinal).ToList();

    private static IEnumerable<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? [Page]
            : endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];

    // Not the app's own pages or endpoints: the Blazor circuit hub and its negotiation (_blazor), the framework's scripts
    // (_framework), the static assets MapStaticAssets serves (css, js, images, with and without the fingerprint) and its
    // {**path:file} fallback for the files of wwwroot. They hold no data of anyone; the hub authenticates the circuit by the same cookie the pages use.
    private static bool IsFramework(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern.RawText ?? "";
        return pattern.StartsWith("_blazor", StringComparison.Ordinal) || pattern.StartsWith("/_blazor", StringComparison.Ordinal)
            || pattern.StartsWith("_framework", StringComparison.Ordinal) || pattern.StartsWith("/_framework", StringComparison.Ordinal)
            || endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
            || endpoint.Metadata.Any(m => m.GetType().Name == "FallbackMetadata")
            || endpoint.DisplayName?.StartsWith("Static asset", StringComparison.Ordinal) == true;
    }
}
