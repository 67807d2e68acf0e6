using System.Security.Cryptography;
using System.Text;

namespace MallPortal.Core.Distribution;

/// <summary>What a click's request says about its visitor: a bot or prefetch (not counted), the kind of client, a salted hash.</summary>
public static class VisitorClassifier
{
    private static readonly string[] BotMarks =
    [
        "bot", "spider", "crawl", "slurp", "preview", "facebookexternalhit", "bingpreview", "headlesschrome", "curl/", "wget/",
        "python-requests", "httpclient", "go-http-client", "java/", "okhttp", "feedfetcher", "monitor", "lighthouse",
    ];

    /// <summary>
    /// Known crawlers and link unfurlers, empty agents, and browser prefetches (Purpose / Sec-Purpose: prefetch) are not visits.
    /// </summary>
    public static bool IsBotOrPrefetch(string? userAgent, string? purpose)
    {
        if ((purpose ?? "").Contains("prefetch", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(userAgent))
        {
            return true;
        }
        return BotMarks.Any(mark => userAgent.Contains(mark, StringComparison.OrdinalIgnoreCase));
    }

    public static AgentClass Classify(string? userAgent)
    {
        var ua = userAgent ?? "";
        if (ua.Contains("MicroMessenger", StringComparison.OrdinalIgnoreCase))
        {
            return AgentClass.WeChat;
        }
        if (ua.Contains("Mobile", StringComparison.OrdinalIgnoreCase) || ua.Contains("Android", StringComparison.OrdinalIgnoreCase)
            || ua.Contains("iPhone", StringComparison.OrdinalIgnoreCase))
        {
            return AgentClass.Mobile;
        }
        return ua.Contains("Mozilla", StringComparison.OrdinalIgnoreCase) ? AgentClass.Desktop : AgentClass.Other;
    }

    /// <summary>32 hex characters of SHA-256 over the salt and the visitor's key (its visitor cookie, or address and agent).</summary>
    public static string Hash(string salt, string visitorKey) => Common.ClientNetwork.Hash(salt, visitorKey);

    public static string? HostOf(string? referrer) =>
        Uri.TryCreate(referrer, UriKind.Absolute, out var uri) && uri.Host.Length <= 100 ? uri.Host : null;
}
