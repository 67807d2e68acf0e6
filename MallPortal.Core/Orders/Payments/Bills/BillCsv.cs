using System.Globalization;
using System.Text;
using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.Bills;

/// <summary>The few CSV rules the providers' bills need: quoted fields, and amounts in yuan with two decimals.</summary>
public static class BillCsv
{
    static BillCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GBK (as GB18030, its superset): Alipay's and UnionPay's bill files.</summary>
    public static Encoding Gbk => Encoding.GetEncoding("GB18030");

    public static IReadOnlyList<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }

    public static string Quote(string value) => value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    public static string Yuan(Money amount) => (amount.Fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An amount in yuan (0.01, -12.30) as money; the sign is dropped (refund lines are written negative by some providers).</summary>
    public static Money ParseYuan(string text) =>
        new(Math.Abs(Money.FromYuan(decimal.Parse(text.Trim(), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).Fen));

    public static DateTimeOffset ParseChinaTime(string text) =>
        new(DateTime.ParseExact(text.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), BillDay.ChinaOffset);

    public static string ChinaTime(DateTimeOffset at) => at.ToOffset(BillDay.ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
