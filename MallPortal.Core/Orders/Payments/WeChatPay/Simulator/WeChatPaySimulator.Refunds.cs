using System.Text.Json.Nodes;
using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.WeChatPay.Simulator;

/// <summary>The simulated WeChat Pay's refunds (called under its lock): PROCESSING until the refund delay, then notified; and their query.</summary>
public sealed partial class WeChatPaySimulator
{
    private (int, JsonObject?) Refund(JsonObject? request)
    {
        var outTradeNo = request?["out_trade_no"]?.GetValue<string>() ?? "";
        var outRefundNo = request?["out_refund_no"]?.GetValue<string>() ?? "";
        if (!_trades.TryGetValue(outTradeNo, out var trade))
        {
            return (404, Error("RESOURCE_NOT_EXISTS", "订单不存在"));
        }
        if (trade.Refunds.TryGetValue(outRefundNo, out var known))
        {
            return (200, RefundResource(trade, known));
        }
        var refund = request!["amount"]?["refund"]?.GetValue<long>() ?? 0;
        if (trade.State is not ("SUCCESS" or "REFUND"))
        {
            return (403, Error("TRADE_STATUS_ERROR", "订单状态不允许退款"));
        }
        if (outRefundNo.Length == 0 || refund <= 0 || request["amount"]?["total"]?.GetValue<long>() != trade.Amount.Fen || trade.Refunded.Fen + refund > trade.Amount.Fen)
        {
            return (400, Error("INVALID_REQUEST", "退款金额超出可退金额"));
        }
        var now = clock.GetUtcNow();
        var made = new SimulatedWeChatRefund("5030" + Digits(24), outRefundNo, new Money(refund), now + RefundDelay, RefundsFail);
        (trade.Refunds[outRefundNo], trade.State) = (made, "REFUND");
        Notify(trade.NotifyUrl, RefundsFail ? "REFUND.ABNORMAL" : "REFUND.SUCCESS", "退款结果", "refund", RefundResource(trade, made, made.EndsAt), RefundDelay);
        return (200, RefundResource(trade, made));
    }

    private (int, JsonObject?) RefundOf(string outRefundNo)
    {
        var trade = _trades.Values.FirstOrDefault(t => t.Refunds.ContainsKey(outRefundNo));
        return trade is null ? (404, Error("RESOURCE_NOT_EXISTS", "退款单不存在")) : (200, RefundResource(trade, trade.Refunds[outRefundNo]));
    }
}
