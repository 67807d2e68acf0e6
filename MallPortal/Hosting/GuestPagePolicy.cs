using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace MallPortal.Hosting;

/// <summary>
/// The output cache's rule for pages marked <see cref="CacheForGuestsAttribute"/>: a GET or HEAD without an auth cookie or
/// Authorization header is looked up and stored, varied by the page's query string and the visitor's language; nothing is
/// stored that sets a cookie, answers other than 200 or was rendered for a signed-in user.
/// </summary>
internal sealed class GuestPagePolicy(TimeSpan expiry) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<CacheForGuestsAttribute>() is null)
        {
            return ValueTask.CompletedTask;
        }
        var request = http.Request;
        var guest = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Headers.Authorization.Count == 0
            && http.User.Identity?.IsAuthenticated != true
            && !HasAuthCookie(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = guest;
        context.AllowCacheStorage = guest;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = expiry;
        context.CacheVaryByRules.QueryKeys = "*";
        // The language the page was rendered in (zh-CN or en, from the culture cookie), not the raw cookie text.
        context.CacheVaryByRules.VaryByValues["culture"] = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? "";
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (http.Response.Headers.SetCookie.Count > 0 || http.Response.StatusCode != StatusCodes.Status200OK
            || http.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    // Even an expired or tampered auth cookie keeps the request away from the shared copy: such a visitor is sent through
    // the normal render, which may sign them out or refresh the cookie.
    private static bool HasAuthCookie(HttpContext http)
    {
        var name = http.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? ".AspNetCore." + IdentityConstants.ApplicationScheme;
        foreach (var key in http.Request.Cookies.Keys)
        {
            if (key.StartsWith(name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
