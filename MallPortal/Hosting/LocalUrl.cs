namespace MallPortal.Hosting;

public static class LocalUrl
{
    /// <summary>
    /// The address itself when it stays on this site ("/account?x=1"), otherwise the fallback:
    /// no other host ("//evil", "/\evil", "https://..."), no script URLs.
    /// </summary>
    public static string OrDefault(string? url, string fallback = "/") =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : fallback;
}
