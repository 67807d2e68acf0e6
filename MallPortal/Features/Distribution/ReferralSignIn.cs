using System.Security.Claims;
using System.Security.Cryptography;
using MallPortal.Core.Distribution;
using MallPortal.Core.Distribution.Risk;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MallPortal.Features.Distribution;

/// <summary>
/// Every sign-in (password, SMS code, registration): a visitor who came through a link is bound by the platform's policy, and
/// the device and network are kept as hashes for the commission abuse signals (decision 0010).
/// </summary>
public static class ReferralSignIn
{
    /// <summary>A random id per browser, kept a year; only its salted hash is stored.</summary>
    public const string DeviceCookie = "mp.device";

    public static async Task OnSignedInAsync(CookieSignedInContext context)
    {
        if (!int.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }
        var http = context.HttpContext;
        try
        {
            await http.RequestServices.GetRequiredService<SignInTraceRecorder>().RecordAsync(userId, DeviceId(http), http.Connection.RemoteIpAddress, http.RequestAborted);
            if (context.Request.Cookies[ReferralCookie.Name] is { } cookie)
            {
                await http.RequestServices.GetRequiredService<AttributionService>().OnSignedInAsync(userId, cookie, http.RequestAborted);
            }
        }
        catch (Exception ex)
        {
            // Attribution and traces must never stand between a person and signing in.
            http.RequestServices.GetRequiredService<ILogger<AttributionService>>().LogError(ex, "Binding or trace at sign-in failed for user {UserId}", userId);
        }
    }

    private static string DeviceId(HttpContext http)
    {
        if (http.Request.Cookies[DeviceCookie] is { Length: 32 } known)
        {
            return known;
        }
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(DeviceCookie, id, new CookieOptions
        {
            HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365),
        });
        return id;
    }
}
