using System.Security.Claims;
using MallPortal.Core.Distribution;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MallPortal.Features.Distribution;

/// <summary>Every sign-in (password, SMS code, registration): a visitor who came through a link is bound by the platform's policy.</summary>
public static class ReferralSignIn
{
    public static async Task OnSignedInAsync(CookieSignedInContext context)
    {
        var cookie = context.Request.Cookies[ReferralCookie.Name];
        if (cookie is null || !int.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }
        try
        {
            await context.HttpContext.RequestServices.GetRequiredService<AttributionService>().OnSignedInAsync(userId, cookie, context.HttpContext.RequestAborted);
        }
        catch (Exception ex)
        {
            // Attribution must never stand between a person and signing in.
            context.HttpContext.RequestServices.GetRequiredService<ILogger<AttributionService>>().LogError(ex, "Binding at sign-in failed for user {UserId}", userId);
        }
    }
}
