using System.Text.Encodings.Web;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Alipay.Simulator;

namespace MallPortal.Features.Orders;

/// <summary>
/// The simulated Alipay's browser side, served by this app when Payments:Alipay:Mode is Simulator: the gateway the
/// buyer's browser posts page or wap pay to (answering with Alipay's cashier, or its error), and the cashier's buttons.
/// It is another site as far as the shop is concerned: anonymous, no antiforgery, plain HTML.
/// </summary>
public static class AlipaySimulatorEndpoints
{
    public static IEndpointRouteBuilder MapAlipaySimulator(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<AlipaySimulator>() is null)
        {
            return endpoints;
        }
        endpoints.MapPost(AlipayModule.SimulatorCashierPath, async (HttpRequest request, AlipaySimulator simulator, CancellationToken ct) =>
        {
            var form = (await request.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => f.Value.ToString());
            if (form.GetValueOrDefault("method") is not (AlipayProtocol.PagePay or AlipayProtocol.WapPay))
            {
                return Results.Text(simulator.Answer(form), "application/json; charset=utf-8");
            }
            var (trade, error) = simulator.OpenCashier(form);
            return Results.Content(trade is null ? ErrorPage(error!) : Cashier(trade), "text/html; charset=utf-8", statusCode: trade is null ? 400 : 200);
        }).DisableAntiforgery().AllowAnonymous();

        endpoints.MapPost("/simulators/alipay/cashier/{tradeNo}", async (string tradeNo, HttpRequest request, AlipaySimulator simulator, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var trade = simulator.Find(tradeNo);
            if (trade is null)
            {
                return Results.Content(ErrorPage("ACQ.TRADE_NOT_EXIST：交易不存在"), "text/html; charset=utf-8", statusCode: 404);
            }
            if (form["action"] != "pay")
            {
                return Results.Redirect(trade.QuitUrl.Length > 0 ? trade.QuitUrl : trade.ReturnUrl);
            }
            try
            {
                return Results.Redirect(await simulator.PayAsync(tradeNo, ct));
            }
            catch (InvalidOperationException ex)
            {
                return Results.Content(ErrorPage(ex.Message), "text/html; charset=utf-8", statusCode: 400);
            }
        }).DisableAntiforgery().AllowAnonymous();
        return endpoints;
    }

    private static string Cashier(SimulatedAlipayTrade trade)
    {
        var html = HtmlEncoder.Default;
        return Page($"""
            <p class="muted" data-testid="alipay-product">{(trade.Method == AlipayProtocol.WapPay ? "手机网站支付" : "电脑网站支付")}</p>
            <p class="muted">订单 {html.Encode(trade.OutTradeNo)} · 支付宝交易号 {html.Encode(trade.TradeNo)}</p>
            <p>{html.Encode(trade.Subject)}</p>
            <p class="amount" data-testid="alipay-amount">¥{AlipayProtocol.Yuan(trade.Amount)}</p>
            <form method="post" action="/simulators/alipay/cashier/{html.Encode(trade.TradeNo)}">
              <button name="action" value="pay" class="pay" data-testid="alipay-pay">确认付款</button>
              <button name="action" value="cancel" class="cancel" data-testid="alipay-cancel">取消，返回商户</button>
            </form>
            """);
    }

    private static string ErrorPage(string error) =>
        Page($"""<p class="error" data-testid="alipay-error">支付失败：{HtmlEncoder.Default.Encode(error)}</p>""");

    private static string Page(string content) =>
        SimulatorPages.Page("支付宝收银台（模拟）", "#1677ff", "支付宝 · 收银台（本地模拟，不产生真实扣款）", content);
}
