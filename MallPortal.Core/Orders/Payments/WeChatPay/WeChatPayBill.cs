using System.Text;
using MallPortal.Core.Orders.Payments.Bills;

namespace MallPortal.Core.Orders.Payments.WeChatPay;

/// <summary>
/// WeChat Pay's trade bill (交易账单, bill_type ALL) as downloaded: UTF-8 CSV, every value after a backquote, a payment row
/// with 交易状态 SUCCESS and a refund row with REFUND (its 商户退款单号 and 退款金额), then the totals.
/// </summary>
public static class WeChatPayBill
{
    private const string Columns =
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    public static byte[] Build(string appId, string mchId, IEnumerable<(BillLine Line, string? RefundId, string Description)> rows)
    {
        var text = new StringBuilder(Columns).Append("\r\n");
        var list = rows.OrderBy(r => r.Line.At).ToList();
        foreach (var (line, refundId, description) in list)
        {
            var refund = line.Kind == BillLineKind.Refund;
            string[] fields =
            [
                BillCsv.ChinaTime(line.At), appId, mchId, "0", "", line.GatewayTradeNo ?? "", line.PaymentNumber, "oSimulatedBuyer", "NATIVE",
                refund ? "REFUND" : "SUCCESS", "OTHERS", "CNY", refund ? "0.00" : BillCsv.Yuan(line.Amount), "0.00", refund ? refundId ?? "" : "0",
                refund ? line.RefundNumber ?? "" : "0", refund ? BillCsv.Yuan(line.Amount) : "0.00", "0.00", refund ? "ORIGINAL" : "", refund ? "SUCCESS" : "",
                description.Replace(",", "，"), "", "0.00000", "0.60%", refund ? "0.00" : BillCsv.Yuan(line.Amount), refund ? BillCsv.Yuan(line.Amount) : "0.00", "",
            ];
            text.Append(string.Join(',', fields.Select(f => "`" + f))).Append("\r\n");
        }
        var paid = list.Where(r => r.Line.Kind == BillLineKind.Payment).Sum(r => r.Line.Amount.Fen);
        var refunded = list.Where(r => r.Line.Kind == BillLineKind.Refund).Sum(r => r.Line.Amount.Fen);
        text.Append("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n");
        text.Append(string.Join(',', new[] { list.Count.ToString(), BillCsv.Yuan(new(paid)), BillCsv.Yuan(new(refunded)), "0.00", "0.00000",
            BillCsv.Yuan(new(paid)), BillCsv.Yuan(new(refunded)) }.Select(f => "`" + f))).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static IReadOnlyList<BillLine> Parse(byte[] content)
    {
        var lines = new List<BillLine>();
        var rows = Encoding.UTF8.GetString(content).TrimStart('\uFEFF').Split('\n', StringSplitOptions.TrimEntries);
        if (rows.Length == 0 || !rows[0].StartsWith("交易时间", StringComparison.Ordinal))
        {
            throw new PaymentGatewayException("The WeChat Pay bill has no header");
        }
        foreach (var row in rows.Skip(1).TakeWhile(r => !r.StartsWith("总交易单数", StringComparison.Ordinal)).Where(r => r.StartsWith('`')))
        {
            var f = row[1..].Split(",`");
            if (f.Length < 17)
            {
                throw new PaymentGatewayException("A WeChat Pay bill row is cut short");
            }
            var refund = f[9] == "REFUND";
            lines.Add(new BillLine(refund ? BillLineKind.Refund : BillLineKind.Payment, f[6], f[5], refund ? f[15] : null,
                BillCsv.ParseYuan(refund ? f[16] : f[12]), BillCsv.ParseChinaTime(f[0])));
        }
        return lines;
    }
}
