using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.UnionPay.Simulator;

/// <summary>The simulated UnionPay's back transactions (called with a signed, checked request): query by orderId and txnTime, and refunds.</summary>
public sealed partial class UnionPaySimulator
{
    private (string, string) Query(IReadOnlyDictionary<string, string> form, Dictionary<string, string> answer)
    {
        var orderId = form.GetValueOrDefault("orderId") ?? "";
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_trades.GetValueOrDefault(orderId) is { } trade && trade.TxnTime == form.GetValueOrDefault("txnTime"))
            {
                if (trade.QueryId is null && now > trade.PayTimeout)
                {
                    return ("34", "查无此交易");
                }
                foreach (var (key, value) in ConsumeFields(trade, 0).Where(f => f.Key is "queryId" or "txnAmt" or "currencyCode" or "traceNo" or "traceTime" or "settleDate" or "accNo"))
                {
                    answer[key] = value;
                }
                (answer["origRespCode"], answer["origRespMsg"]) = trade.QueryId is null ? ("05", "交易已受理，等待付款") : ("00", "成功[0000000]");
                return ("00", "成功[0000000]");
            }
            var refund = _trades.Values.SelectMany(t => t.Refunds.Values).FirstOrDefault(r => r.OrderId == orderId && r.TxnTime == form.GetValueOrDefault("txnTime"));
            if (refund is null)
            {
                return ("34", "查无此交易");
            }
            (answer["queryId"], answer["txnAmt"], answer["currencyCode"]) = (refund.QueryId, UnionPayProtocol.Fen(refund.Amount), UnionPayProtocol.Yuan);
            answer["origRespCode"] = refund.CodeAt(now);
            answer["origRespMsg"] = answer["origRespCode"] switch { "00" => "成功[0000000]", "05" => "交易已受理，请稍后查询交易结果", _ => "交易失败，卡状态异常" };
            return ("00", "成功[0000000]");
        }
    }

    private (string, string) Refund(IReadOnlyDictionary<string, string> form, Dictionary<string, string> answer)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (form.GetValueOrDefault("orderId") is not { Length: >= 8 and <= 40 } orderId || form.GetValueOrDefault("backUrl") is not { Length: > 0 } backUrl
                || UnionPayProtocol.ParseFen(form.GetValueOrDefault("txnAmt")) is not { Fen: > 0 } amount || form.GetValueOrDefault("txnTime") is not { Length: 14 } txnTime)
            {
                return ("13", "报文交易要素缺失");
            }
            if (_trades.Values.Any(t => t.Refunds.ContainsKey(orderId)))
            {
                return (UnionPayProtocol.Duplicate, "重复交易");
            }
            var trade = _trades.Values.FirstOrDefault(t => t.QueryId is not null && t.QueryId == form.GetValueOrDefault("origQryId"));
            if (trade is null)
            {
                return ("35", "原交易不存在或状态不正确");
            }
            if (trade.Refunded + amount > trade.Amount)
            {
                return ("33", "交易金额超限");
            }
            var refund = new SimulatedUnionPayRefund(orderId, txnTime, Digits(21), amount, form.GetValueOrDefault("reqReserved") ?? "", backUrl, now + RefundDelay, RefundsFail);
            trade.Refunds[orderId] = refund;
            var notice = RefundFields(trade, refund);
            _outbox.Enqueue(backUrl, "application/x-www-form-urlencoded", Form(notice), notice, delay: RefundDelay);
            answer["queryId"] = refund.QueryId;
            answer["origQryId"] = trade.QueryId!;
            answer["txnAmt"] = UnionPayProtocol.Fen(amount);
            return ("00", "成功[0000000]");
        }
    }
}
