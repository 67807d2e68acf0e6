using System.Security.Claims;
using MallPortal.Core.Distribution;

namespace MallPortal.Features.Distribution;

/// <summary>
/// /r/{code}: answers with the redirect at once; the click goes to <see cref="ClickRecorder"/>'s queue (bots and prefetches are
/// not counted) and the attribution cookie is set — unless the link's distributor is suspended, whose links still redirect.
/// </summary>
public static class PromotionRedirect
{
    public const string VisitorCookie = "mp_vid";

    public static async Task<IResult> HandleAsync(string code, HttpContext context, PromotionService promotion, ClickRecorder clicks,
        DistributionSettingsStore settingsStore, TimeProvider clock)
    {
        if (await promotion.RouteAsync(code, context.RequestAborted) is not { } route)
        {
            return Results.Content(UnknownLinkPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        var request = context.Request;
        var userAgent = request.Headers.UserAgent.ToString();
        var purpose = request.Headers["Sec-Purpose"].ToString() + request.Headers["Purpose"].ToString();
        if (VisitorClassifier.IsBotOrPrefetch(userAgent, purpose))
        {
            return Results.Redirect(route.TargetPath);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await settingsStore.GetAsync(context.RequestAborted);
        var visitor = request.Cookies[VisitorCookie];
        if (visitor is null || visitor.Length != 32)
        {
            visitor = Guid.NewGuid().ToString("N");
            context.Response.Cookies.Append(VisitorCookie, visitor, Options(TimeSpan.FromDays(365)));
        }
        var userId = int.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (int?)null;
        clicks.Enqueue(new ClickInput(route.LinkId, now, visitor, VisitorClassifier.Classify(userAgent), VisitorClassifier.HostOf(request.Headers.Referer),
            route.Attributes ? userId : null));
        if (route.Attributes)
        {
            context.Response.Cookies.Append(ReferralCookie.Name, new ReferralCookie(route.Code, now).ToString(), Options(TimeSpan.FromDays(settings.CookieDays)));
        }
        return Results.Redirect(route.TargetPath);
    }

    public static CookieOptions Options(TimeSpan maxAge) =>
        new() { MaxAge = maxAge, HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/" };

    private const string UnknownLinkPage = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <title>链接无效 - MallPortal 商城</title></head>
        <body style="font-family:sans-serif;text-align:center;padding:64px 16px;color:#333">
        <h1 style="font-size:22px">这个推广链接不存在或已失效</h1>
        <p style="color:#777">请向分享给您的朋友确认链接是否完整，或直接逛逛商城。</p>
        <p><a href="/" style="color:#e53e30">去商城首页</a></p></body></html>
        """;
}
