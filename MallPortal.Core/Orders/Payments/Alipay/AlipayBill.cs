using System.IO.Compression;
using System.Text;
using MallPortal.Core.Orders.Payments.Bills;

namespace MallPortal.Core.Orders.Payments.Alipay;

/// <summary>
/// Alipay's trade bill (业务明细) as its download gives it: a zip whose detail CSV is GBK text, '#' lines around the table,
/// id columns ending in a tab (for spreadsheets), 业务类型 交易 or 退款 (a refund's 商家实收 negative, its request number in
/// 退款批次号/请求号).
/// </summary>
public static class AlipayBill
{
    private const string Columns =
        "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    private static Encoding Gbk => BillCsv.Gbk;

    public static string DetailName(string pid, DateOnly day) => $"{pid}_{day:yyyyMMdd}_业务明细.csv";

    public static byte[] Build(string pid, DateOnly day, IEnumerable<(BillLine Line, string Subject, DateTimeOffset CreatedAt)> rows)
    {
        var text = new StringBuilder();
        text.Append("#支付宝业务明细查询\r\n#账号：[").Append(pid).Append("]\r\n");
        text.Append("#起始日期：[").Append(day.ToString("yyyy年MM月dd日")).Append(" 00:00:00]   终止日期：[").Append(day.AddDays(1).ToString("yyyy年MM月dd日"))
            .Append(" 00:00:00]\r\n#-----------------------------------------业务明细列表----------------------------------------\r\n");
        text.Append(Columns).Append("\r\n");
        var list = rows.OrderBy(r => r.Line.At).ToList();
        foreach (var (line, subject, createdAt) in list)
        {
            var refund = line.Kind == BillLineKind.Refund;
            var signed = (refund ? "-" : "") + BillCsv.Yuan(line.Amount);
            string[] fields =
            [
                line.GatewayTradeNo + "\t", line.PaymentNumber + "\t", refund ? "退款" : "交易", BillCsv.Quote(subject), BillCsv.ChinaTime(createdAt),
                BillCsv.ChinaTime(line.At), "", "", "", "", "", signed, signed, "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00",
                refund ? line.RefundNumber + "\t" : "", "0.00", "0.00", "",
            ];
            text.Append(string.Join(',', fields)).Append("\r\n");
        }
        text.Append("#-----------------------------------------业务明细列表结束------------------------------------\r\n");
        text.Append("#交易合计：").Append(list.Count(r => r.Line.Kind == BillLineKind.Payment)).Append("笔，退款合计：")
            .Append(list.Count(r => r.Line.Kind == BillLineKind.Refund)).Append("笔\r\n");
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(DetailName(pid, day)).Open();
            entry.Write(Gbk.GetBytes(text.ToString()));
        }
        return zip.ToArray();
    }

    /// <summary>The payments and refunds of the detail CSV inside the zip.</summary>
    public static IReadOnlyList<BillLine> Parse(byte[] zip)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            var detail = archive.Entries.FirstOrDefault(e => e.Name.EndsWith("_业务明细.csv", StringComparison.Ordinal))
                ?? throw new PaymentGatewayException("The Alipay bill has no 业务明细 file");
            using var reader = new StreamReader(detail.Open(), Gbk);
            var lines = new List<BillLine>();
            var inTable = false;
            while (reader.ReadLine() is { } raw)
            {
                if (raw.StartsWith('#'))
                {
                    continue;
                }
                if (raw.StartsWith("支付宝交易号", StringComparison.Ordinal))
                {
                    inTable = true;
                    continue;
                }
                var f = BillCsv.Split(raw).Select(v => v.Trim()).ToList();
                if (!inTable || f.Count < 22)
                {
                    continue;
                }
                var refund = f[2] == "退款";
                lines.Add(new BillLine(refund ? BillLineKind.Refund : BillLineKind.Payment, f[1], f[0], refund ? f[21] : null, BillCsv.ParseYuan(f[12]),
                    BillCsv.ParseChinaTime(f[5])));
            }
            return lines;
        }
        catch (InvalidDataException ex)
        {
            throw new PaymentGatewayException("The Alipay bill is not a zip", ex);
        }
    }
}
