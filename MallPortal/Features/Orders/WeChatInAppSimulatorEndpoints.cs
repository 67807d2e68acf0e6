using System.Security.Cryptography;
using System.Text.Encodings.Web;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;

namespace MallPortal.Features.Orders;

/// <summary>
/// What WeChat's app does for a page inside it, simulated (Payments:WeChatPay:Mode Simulator): the silent authorization
/// page that hands the shop a code for the simulated WeChat user of this browser, and the pay sheet behind the stand-in
/// WeixinJSBridge (wwwroot/js/simulators/wechat-bridge.js): the trade it shows, and the confirmation it sends.
/// </summary>
public static class WeChatInAppSimulatorEndpoints
{
    private const string UserCookie = "wxsim.user";

    public static IEndpointRouteBuilder MapWeChatInAppSimulator(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(WeChatPayModule.SimulatorAuthorizePath, (HttpContext http, WeChatOAuthSimulator simulator) =>
        {
            var query = http.Request.Query;
            if (http.Request.Cookies[UserCookie] is not { Length: 32 } user)
            {
                user = RandomNumberGenerator.GetHexString(32, lowercase: true);
                http.Response.Cookies.Append(UserCookie, user, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            }
            var (redirect, error) = simulator.Authorize(query["appid"], query["redirect_uri"], query["response_type"], query["scope"], query["state"], user);
            // WeChat's page sends the browser on by script, so the #wechat_redirect fragment is left behind (an HTTP redirect would keep it).
            var content = redirect is not null
                ? $"""<p>正在返回商户……</p><a data-auto-follow href="{HtmlEncoder.Default.Encode(redirect)}">继续</a><script src="/js/simulators/move-on.js"></script>"""
                : $"""<p class="error" data-testid="wechat-error">{HtmlEncoder.Default.Encode(error!)}</p>""";
            return Results.Content(SimulatorPages.Page("微信授权（模拟）", "#07c160", "微信网页授权（本地模拟）", content), "text/html; charset=utf-8",
                statusCode: redirect is not null ? 200 : 400);
        }).AllowAnonymous();

        endpoints.MapGet("/simulators/wechatpay/inapp", (string? package, WeChatPaySimulator simulator) =>
            simulator.FindByPackage(package) is { } trade
                ? Results.Json(new { amount = AlipayProtocol.Yuan(trade.Amount), description = trade.Description })
                : Results.NotFound()).AllowAnonymous();

        endpoints.MapPost("/simulators/wechatpay/inapp", async (Dictionary<string, string> payment, WeChatPaySimulator simulator, CancellationToken ct) =>
        {
            var (errMsg, description) = await simulator.PayInAppAsync(payment, ct);
            return Results.Json(new { err_msg = errMsg, err_desc = description });
        }).DisableAntiforgery().AllowAnonymous();
        return endpoints;
    }
}
