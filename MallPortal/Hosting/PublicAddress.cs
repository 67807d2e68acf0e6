using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Primitives;

namespace MallPortal.Hosting;

/// <summary>
/// The site's address as others must reach it: what mailed links, QR codes and payment gateways point at. Never taken
/// on trust from a request, whose Host (or X-Forwarded-Host, or a circuit's base address) the sender chooses:
/// <c>Web:PublicBaseUrl</c> when set; else the address the visitor used if its host is one <c>AllowedHosts</c> names
/// (a "*" names none); else the address this server listens on.
/// </summary>
public sealed class PublicAddress
{
    private readonly string? _configured;
    private readonly IList<StringSegment> _allowedHosts;
    private readonly IServer? _server;

    public PublicAddress(IConfiguration config, IServer? server = null)
    {
        _server = server;
        _allowedHosts = NamedHosts(config);
        var value = config["Web:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new InvalidOperationException($"Web:PublicBaseUrl must be an absolute http(s) address such as https://shop.example.com, not '{value}'.");
        }
        _configured = uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
    }

    /// <summary>Whether links can only come from the listening address: no setting and no named host.</summary>
    public bool FallsBackToListeningAddress => _configured is null && _allowedHosts.Count == 0;

    /// <summary>
    /// The base address ending in "/": the setting; else <paramref name="seenBaseUri"/> when its host is allowed; else
    /// the listening address.
    /// </summary>
    public string BaseFor(string seenBaseUri) =>
        _configured ?? (IsAllowed(seenBaseUri) ? Normalize(seenBaseUri) : Listening());

    /// <summary>The host names of <c>AllowedHosts</c> (";"-separated, "*.example.com" for subdomains), without "*".</summary>
    public static IList<StringSegment> NamedHosts(IConfiguration config) =>
        (config["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(h => h != "*").Select(h => new StringSegment(h)).ToList();

    private bool IsAllowed(string seenBaseUri) =>
        _allowedHosts.Count > 0 && Uri.TryCreate(seenBaseUri, UriKind.Absolute, out var seen)
        && (seen.Scheme == Uri.UriSchemeHttps || seen.Scheme == Uri.UriSchemeHttp)
        && HostString.MatchesAny(new StringSegment(seen.IdnHost), _allowedHosts);

    private static string Normalize(string seenBaseUri) =>
        new Uri(seenBaseUri).GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";

    // The first address Kestrel listens on; a wildcard binding ("http://+:80", "0.0.0.0", "[::]") becomes localhost. The
    // test server listens nowhere and answers as http://localhost.
    private string Listening()
    {
        var address = _server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return "http://localhost/";
        }
        var wildcard = address.Replace("://+", "://localhost").Replace("://*", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
        return Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) ? Normalize(uri.AbsoluteUri) : "http://localhost/";
    }
}
