namespace MallPortal.Hosting;

/// <summary>
/// The site's address as others must reach it — what payment gateways call back and send buyers to. By default the
/// address the visitor used (behind a reverse proxy that passes X-Forwarded-Host / -Proto); <c>Web:PublicBaseUrl</c>
/// fixes it when that is not the address the outside sees (several domains, an intranet name, a proxy that rewrites).
/// </summary>
public sealed class PublicAddress
{
    private readonly string? _configured;

    public PublicAddress(IConfiguration config)
    {
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

    /// <summary>The base address ending in "/", from the setting or else from <paramref name="seenBaseUri"/>.</summary>
    public string BaseFor(string seenBaseUri) => _configured ?? seenBaseUri;
}
