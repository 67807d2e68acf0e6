using System.Text.Encodings.Web;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;

namespace MallPortal.Features.Orders;

/// <summary>
/// The simulated WeChat Pay's phone, served by this app when Payments:WeChatPay:Mode is Simulator: it "scans" a Native
/// code (opened from the pay page's demo link) and pays; the shop hears of it by the signed, sealed notification.
/// </summary>
public static class WeChatPaySimulatorEndpoints
{
    private const string Path = "/simulators/wechatpay/scan";

    public static IEndpointRouteBuilder MapWeChatPaySimulator(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<WeChatPaySimulator>() is null)
        {
            return endpoints;
        }
        endpoints.MapWeChatInAppSimulator();
        endpoints.MapGet(Path, (string? code_url, WeChatPaySimulator simulator) =>
        {
            var trade = code_url is null ? null : simulator.FindByCodeUrl(code_url);
            if (trade is null)
            {
                return Html(Message("error", "二维码已失效"), 404);
            }
            var html = HtmlEncoder.Default;
            return Html($"""
                <p class="muted">商户订单号 {html.Encode(trade.OutTradeNo)}</p>
                <p>{html.Encode(trade.Description)}</p>
                <p class="amount" data-testid="wechat-amount">¥{AlipayProtocol.Yuan(trade.Amount)}</p>
                <form method="post" action="{Path}">
                  <input type="hidden" name="code_url" value="{html.Encode(trade.CodeUrl)}" />
                  <button class="pay" data-testid="wechat-pay">确认支付</button>
                </form>
                """);
        }).AllowAnonymous();

        endpoints.MapPost(Path, async (HttpRequest request, WeChatPaySimulator simulator, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            try
            {
                await simulator.PayAsync(form["code_url"].ToString(), ct);
                return Html(Message("paid", "支付成功，请回到商户页面查看订单"));
            }
            catch (InvalidOperationException ex)
            {
                return Html(Message("error", ex.Message), 400);
            }
        }).DisableAntiforgery().AllowAnonymous();
        return endpoints;
    }

    private static string Message(string kind, string text) => $"""<p class="{kind}" data-testid="wechat-{kind}">{HtmlEncoder.Default.Encode(text)}</p>""";

    private static IResult Html(string content, int status = 200) =>
        Results.Content(SimulatorPages.Page("微信支付（模拟）", "#07c160", "微信支付 · 模拟手机（本地模拟，不产生真实扣款）", content), "text/html; charset=utf-8",
            statusCode: status);
}
