using Microsoft.AspNetCore.Localization;

namespace MallPortal.Hosting;

/// <summary>The language switch: remembers the choice in the culture cookie for a year.</summary>
public static class CultureEndpoints
{
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (HttpContext context, string culture, string? returnUrl) =>
        {
            if (WebRegistration.Cultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true });
            }
            return Results.LocalRedirect(LocalUrl.OrDefault(returnUrl));
        });
        return endpoints;
    }
}
