using System.Text.Encodings.Web;
using System.Text.Unicode;
using MallPortal.Core.Orders.Payments.UnionPay;
using MallPortal.Core.Orders.Payments.UnionPay.Simulator;

namespace MallPortal.Features.Orders;

/// <summary>
/// The simulated UnionPay's browser side, served by this app when Payments:UnionPay:Mode is Simulator: the front gateway
/// the buyer's browser posts the signed consume form to (answering with a card cashier, or UnionPay's error), and the
/// cashier's pay button, which sends the browser back to the shop's frontUrl with the signed front notification.
/// Another site as far as the shop is concerned: anonymous, no antiforgery, plain HTML.
/// </summary>
public static class UnionPaySimulatorEndpoints
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapUnionPaySimulator(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<UnionPaySimulator>() is null)
        {
            return endpoints;
        }
        endpoints.MapPost(UnionPayModule.SimulatorFrontPath, async (HttpRequest request, UnionPaySimulator simulator, CancellationToken ct) =>
        {
            var form = (await request.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => f.Value.ToString());
            var (trade, error) = simulator.OpenCashier(form);
            return Html(trade is null ? Page($"""<p class="error" data-testid="unionpay-error">{Encode(error!)}</p>""") : Cashier(trade, null), trade is null ? 400 : 200);
        }).DisableAntiforgery().AllowAnonymous();

        endpoints.MapPost("/simulators/unionpay/cashier/{orderId}", async (string orderId, HttpRequest request, UnionPaySimulator simulator, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            if (simulator.Find(orderId) is not { } trade)
            {
                return Html(Page("""<p class="error" data-testid="unionpay-error">34：查无此交易</p>"""), 404);
            }
            if (form["action"] != "pay")
            {
                return Html(PostBack(trade.FrontUrl, new Dictionary<string, string> { ["orderId"] = trade.OrderId }), 200);
            }
            try
            {
                var (frontUrl, fields) = await simulator.PayAsync(orderId, form["card"].ToString(), ct);
                return Html(PostBack(frontUrl, fields), 200);
            }
            catch (InvalidOperationException ex)
            {
                return Html(Cashier(trade, ex.Message), 200);
            }
        }).DisableAntiforgery().AllowAnonymous();
        return endpoints;
    }

    private static string Cashier(SimulatedUnionPayTrade trade, string? error) => Page($"""
        <p class="muted" data-testid="unionpay-channel">{(trade.ChannelType == "08" ? "手机支付" : "网页支付")} · 商户订单号 {Encode(trade.OrderId)}</p>
        <p>{Encode(trade.Subject)}</p>
        <p class="amount" data-testid="unionpay-amount">¥{trade.Amount.Fen / 100}.{trade.Amount.Fen % 100:D2}</p>
        {(error is null ? "" : $"""<p class="error" data-testid="unionpay-error">{Encode(error)}</p>""")}
        <form method="post" action="/simulators/unionpay/cashier/{Encode(trade.OrderId)}">
          <label>银联卡号<br><input name="card" inputmode="numeric" autocomplete="off" data-testid="unionpay-card" style="width:100%;padding:10px;font-size:16px"
            placeholder="{UnionPaySimulator.TestCard}"></label>
          <p class="muted">测试卡 {UnionPaySimulator.TestCard} 付款成功；尾号 0002 的卡被拒绝。</p>
          <button name="action" value="pay" class="pay" data-testid="unionpay-pay">确认付款</button>
          <button name="action" value="cancel" class="cancel" data-testid="unionpay-cancel">返回商户</button>
        </form>
        """);

    /// <summary>What UnionPay does after payment: the browser posts the signed fields to frontUrl by itself.</summary>
    private static string PostBack(string url, IReadOnlyDictionary<string, string> fields) => Page($"""
        <p>正在返回商户……</p>
        <form data-auto-submit method="post" action="{Encode(url)}">
          {string.Concat(fields.Select(f => $"""<input type="hidden" name="{Encode(f.Key)}" value="{Encode(f.Value)}">"""))}
          <button class="pay" data-testid="unionpay-back">返回商户</button>
        </form>
        <script src="/js/simulators/move-on.js"></script>
        """);

    private static IResult Html(string html, int status) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static string Encode(string text) => Encoder.Encode(text);

    private static string Page(string content) =>
        SimulatorPages.Page("银联在线支付（模拟）", "#d7000f", "银联在线支付 · 收银台（本地模拟，不产生真实扣款）", content);
}
