using Microsoft.Extensions.Configuration;

namespace MallPortal.Core.Seeding;

/// <summary>
/// The site address the demo's payments give the providers (notification and return URLs), found the way the pay page
/// finds it for a real payment: Web:PublicBaseUrl when set. The demo runs before the server listens, so without it the
/// address is the one the app is told to listen on (urls / ASPNETCORE_URLS / --urls; a wildcard host is this machine),
/// and Kestrel's own default when none is given.
/// </summary>
public sealed class DemoSite(IConfiguration configuration)
{
    public const string KestrelDefault = "http://localhost:5000/";

    /// <summary>The base address, ending in "/".</summary>
    public string BaseUrl => Configured(configuration["Web:PublicBaseUrl"]) ?? Listening(configuration["urls"]) ?? KestrelDefault;

    private static string? Configured(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" : null;

    /// <summary>The first listening address with a known port (plain HTTP first: the simulators call back locally).</summary>
    private static string? Listening(string? urls)
    {
        var candidates = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => u.Replace("://*", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1")
                .Replace("://[::]", "://127.0.0.1"))
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Port > 0 ? uri : null)
            .OfType<Uri>().OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1).ToList();
        return candidates.Count == 0 ? null : candidates[0].GetLeftPart(UriPartial.Authority) + "/";
    }
}
