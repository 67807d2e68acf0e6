using System.Globalization;
using System.Text;
using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments.Bills;

namespace MallPortal.Core.Orders.Payments.Sandbox;

/// <summary>The sandbox's daily bill: one CSV line per payment or refund completed that China day, amounts in fen.</summary>
public static class SandboxBill
{
    public const string Header = "trade_no,out_trade_no,type,amount_fen,out_request_no,completed_at";

    public static byte[] Build(IEnumerable<BillLine> lines)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var line in lines.OrderBy(l => l.At))
        {
            text.Append(line.GatewayTradeNo).Append(',').Append(line.PaymentNumber).Append(',').Append(line.Kind == BillLineKind.Payment ? "PAY" : "REFUND")
                .Append(',').Append(line.Amount.Fen.ToString(CultureInfo.InvariantCulture)).Append(',').Append(line.RefundNumber)
                .Append(',').Append(BillCsv.ChinaTime(line.At)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static IReadOnlyList<BillLine> Parse(byte[] content)
    {
        var lines = Encoding.UTF8.GetString(content).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new PaymentGatewayException("The sandbox bill has no header");
        }
        return lines.Skip(1).Select(BillCsv.Split).Select(f => new BillLine(f[2] == "PAY" ? BillLineKind.Payment : BillLineKind.Refund, f[1], f[0],
            f[4].Length == 0 ? null : f[4], new Money(long.Parse(f[3], CultureInfo.InvariantCulture)), BillCsv.ParseChinaTime(f[5]))).ToList();
    }
}
