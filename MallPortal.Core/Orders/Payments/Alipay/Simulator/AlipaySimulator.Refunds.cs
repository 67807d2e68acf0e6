using System.Text.Json;
using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.Alipay.Simulator;

/// <summary>The simulated Alipay's refunds (alipay.trade.refund, idempotent by out_request_no) and their query.</summary>
public sealed partial class AlipaySimulator
{
    private Dictionary<string, object?> Refund(JsonElement business)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (Text(business, "out_trade_no") is not { } outTradeNo || !_trades.TryGetValue(outTradeNo, out var trade))
            {
                return Error("40004", "Business Failed", AlipayProtocol.TradeNotExist, "交易不存在");
            }
            var requestNo = Text(business, "out_request_no") ?? trade.OutTradeNo;
            if (trade.Refunds.ContainsKey(requestNo))
            {
                return RefundAnswer(trade, fundChange: false);
            }
            if (trade.Status != SimulatedAlipayStatus.TradeSuccess)
            {
                return Error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
            }
            if (AlipayProtocol.ParseYuan(Text(business, "refund_amount")) is not { Fen: > 0 } amount || trade.Refunded + amount > trade.Amount)
            {
                return Error("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
            }
            trade.Refunds[requestNo] = amount;
            trade.RefundedAt[requestNo] = clock.GetUtcNow();
            if (trade.Refunded == trade.Amount)
            {
                trade.Status = SimulatedAlipayStatus.TradeClosed;
            }
            var fields = TradeFields(trade, now);
            fields.Remove("sign");
            (fields["out_biz_no"], fields["refund_fee"], fields["gmt_refund"]) =
                (requestNo, AlipayProtocol.Yuan(trade.Refunded), AlipayProtocol.ChinaTime(now));
            fields["sign"] = AlipayProtocol.SignNotification(fields, keys.PlatformPrivateKey);
            Enqueue(trade, fields);
            return RefundAnswer(trade, fundChange: true);
        }
    }

    private Dictionary<string, object?> RefundQuery(JsonElement business)
    {
        lock (_gate)
        {
            if (Text(business, "out_trade_no") is not { } outTradeNo || !_trades.TryGetValue(outTradeNo, out var trade))
            {
                return Error("40004", "Business Failed", AlipayProtocol.TradeNotExist, "交易不存在");
            }
            // Alipay answers success with no refund status for a refund it does not know (yet).
            var requestNo = Text(business, "out_request_no") ?? "";
            return trade.Refunds.TryGetValue(requestNo, out var amount)
                ? Success(new()
                {
                    ["trade_no"] = trade.TradeNo, ["out_trade_no"] = trade.OutTradeNo, ["out_request_no"] = requestNo,
                    ["refund_amount"] = AlipayProtocol.Yuan(amount), ["refund_status"] = "REFUND_SUCCESS",
                })
                : Success(new() { ["trade_no"] = trade.TradeNo, ["out_trade_no"] = trade.OutTradeNo });
        }
    }

    private static Dictionary<string, object?> RefundAnswer(SimulatedAlipayTrade trade, bool fundChange) => Success(new()
    {
        ["trade_no"] = trade.TradeNo,
        ["out_trade_no"] = trade.OutTradeNo,
        ["buyer_logon_id"] = "138******00",
        ["fund_change"] = fundChange ? "Y" : "N",
        ["refund_fee"] = AlipayProtocol.Yuan(trade.Refunded),
    });
}
