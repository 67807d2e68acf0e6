using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Orders.Payments.UnionPay;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace MallPortal.Hosting;

/// <summary>A page that draws charts: Vizor.ECharts parses every chart's options with eval, so its policy allows it (decision 0021).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DrawsChartsAttribute : Attribute;

/// <summary>
/// The headers every answer carries: a Content-Security-Policy (scripts only from this site plus the import map's hash,
/// eval only on pages marked <see cref="DrawsChartsAttribute"/>, forms only to this site and the payment providers
/// configured live, no framing), nosniff, the referrer policy and no framing for older browsers. Decision 0021.
/// </summary>
public sealed class SecurityHeaders
{
    private readonly string _formTargets;
    private readonly string _stripe;
    private readonly bool _enabled;
    // A handful of (import map, charts) kinds in a site, so each policy is built once and kept.
    private readonly ConcurrentDictionary<(ImportMapDefinition? Map, bool Charts), string> _policies = new();

    public SecurityHeaders(IConfiguration config, IOptions<AlipayOptions> alipay, IOptions<UnionPayOptions> unionPay,
        IOptions<StripeOptions> stripe)
    {
        _enabled = config.GetValue("Web:Csp", true);
        var forms = new List<string>();
        if (alipay.Value.Mode != AlipayMode.Off)
        {
            forms.Add(Origin(alipay.Value.PageGatewayUrl is { Length: > 0 } page ? page : alipay.Value.GatewayUrl));
        }
        if (unionPay.Value.Mode != UnionPayMode.Off)
        {
            forms.Add(Origin(unionPay.Value.FrontTransUrl is { Length: > 0 } front ? front : unionPay.Value.GatewayUrl));
        }
        _formTargets = string.Concat(forms.Where(o => o.Length > 0).Distinct().Select(o => " " + o));
        // Stripe's Payment Element: its script, its frames and its API (Stripe's published CSP list).
        _stripe = stripe.Value.Mode == StripeMode.Live && Origin(stripe.Value.JsUrl) is { Length: > 0 } js ? js : "";
    }

    /// <summary>The policy for an answer from <paramref name="endpoint"/>, or null when <c>Web:Csp</c> is false.</summary>
    public string? PolicyFor(Endpoint? endpoint)
    {
        if (!_enabled)
        {
            return null;
        }
        var kind = (endpoint?.Metadata.GetMetadata<ImportMapDefinition>(), endpoint?.Metadata.GetMetadata<DrawsChartsAttribute>() is not null);
        return _policies.GetOrAdd(kind, Build);
    }

    private string Build((ImportMapDefinition? Map, bool Charts) kind)
    {
        var importMap = kind.Map is { } map ? " '" + Hash(map) + "'" : "";
        var eval = kind.Charts ? " 'unsafe-eval'" : "";
        var stripeScript = _stripe.Length > 0 ? " " + _stripe : "";
        var stripeFrames = _stripe.Length > 0 ? " " + _stripe + " https://hooks.stripe.com" : "";
        var stripeApi = _stripe.Length > 0 ? " https://api.stripe.com" : "";
        return "default-src 'self'; " +
            $"script-src 'self'{importMap}{eval}{stripeScript}; " +
            // MudBlazor and Blazor set style attributes, which no nonce or hash can cover.
            "style-src 'self' 'unsafe-inline'; " +
            // Rich-text descriptions may show pictures from a merchant's own image host.
            "img-src 'self' data: blob: https:; " +
            "font-src 'self' data:; " +
            $"connect-src 'self'{stripeApi}; " +
            $"frame-src 'self'{stripeFrames}; " +
            "object-src 'none'; base-uri 'self'; " +
            $"form-action 'self'{_formTargets}; " +
            "frame-ancestors 'none'";
    }

    public static void Apply(HttpContext context, string? policy)
    {
        var headers = context.Response.Headers;
        if (policy is not null)
        {
            headers.ContentSecurityPolicy = policy;
        }
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }

    // The import map is the one inline script: Blazor's ImportMap writes the definition's JSON (its ToString) as the script's text.
    private static string Hash(ImportMapDefinition map) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(map.ToString())));

    private static string Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Authority)
            : "";
}

public static class SecurityHeadersExtensions
{
    /// <summary>Adds <see cref="SecurityHeaders"/> to every answer, set just before it starts (so after routing chose the page).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var headers = app.ApplicationServices.GetRequiredService<SecurityHeaders>();
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(context, headers.PolicyFor(context.GetEndpoint()));
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
