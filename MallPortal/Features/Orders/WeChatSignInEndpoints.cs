using System.Security.Cryptography;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace MallPortal.Features.Orders;

/// <summary>
/// WeChat sign-in for JSAPI payment: the pay page, opened inside WeChat, sends the buyer through WeChat's silent
/// authorization and back; the openid WeChat gives is kept in a protected cookie of this browser (it names the WeChat
/// user under the shop's app, nothing more) and reaches the pay page's circuit with the client trace. When sign-in is
/// not configured or fails, the buyer returns with wechat=none and is shown the Native code instead.
/// </summary>
public static class WeChatSignInEndpoints
{
    public const string OpenIdCookie = "mp.wxopenid";

    private const string StateCookie = "mp.wxstate";

    private const string Purpose = "MallPortal.WeChatSignIn";

    public static IEndpointRouteBuilder MapWeChatSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/wechat/signin", (string? returnUrl, HttpContext http, IDataProtectionProvider protection, PublicAddress address) =>
        {
            var back = LocalPath(returnUrl);
            if (http.RequestServices.GetService<WeChatSignIn>() is not { } signIn)
            {
                return Results.Redirect(Unavailable(back));
            }
            var state = RandomNumberGenerator.GetHexString(16, lowercase: true);
            http.Response.Cookies.Append(StateCookie, protection.CreateProtector(Purpose).Protect($"{state}|{back}"), Options(http, TimeSpan.FromMinutes(10)));
            var site = address.BaseFor($"{http.Request.Scheme}://{http.Request.Host}/").TrimEnd('/');
            return Results.Redirect(signIn.AuthorizeUrl($"{site}/wechat/signin/callback", state));
        }).AllowAnonymous();

        endpoints.MapGet("/wechat/signin/callback", async (string? code, string? state, HttpContext http, IDataProtectionProvider protection,
            ILogger<WeChatSignIn> logger, CancellationToken ct) =>
        {
            var protector = protection.CreateProtector(Purpose);
            var kept = Unprotect(protector, http.Request.Cookies[StateCookie])?.Split('|', 2);
            http.Response.Cookies.Delete(StateCookie);
            if (kept is not [var expected, var back] || state != expected)
            {
                return Results.Redirect(Unavailable("/account/orders"));
            }
            if (code is not { Length: > 0 } || http.RequestServices.GetService<WeChatSignIn>() is not { } signIn)
            {
                return Results.Redirect(Unavailable(back));
            }
            try
            {
                var openId = await signIn.OpenIdAsync(code, ct);
                http.Response.Cookies.Append(OpenIdCookie, protector.Protect(openId), Options(http, TimeSpan.FromDays(30)));
                return Results.Redirect(back);
            }
            catch (PaymentGatewayException ex)
            {
                logger.LogWarning("WeChat sign-in failed: {Error}", ex.Message);
                return Results.Redirect(Unavailable(back));
            }
        }).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The openid this browser signed in with, or null (none, or a cookie that was not ours).</summary>
    public static string? OpenId(HttpContext http) =>
        Unprotect(http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose), http.Request.Cookies[OpenIdCookie]);

    private static string? Unprotect(IDataProtector protector, string? value)
    {
        try
        {
            return value is { Length: > 0 } ? protector.Unprotect(value) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Only a path on this site (never another host) is a place to come back to.</summary>
    private static string LocalPath(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] is not ('/' or '\\') && !url.Contains("://", StringComparison.Ordinal) ? url : "/account/orders";

    private static string Unavailable(string back) => back + (back.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "wechat=none";

    private static CookieOptions Options(HttpContext http, TimeSpan age) => new()
    {
        HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = age,
    };
}
