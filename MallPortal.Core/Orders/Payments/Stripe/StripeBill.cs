using System.Globalization;
using System.Text;
using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments.Bills;

namespace MallPortal.Core.Orders.Payments.Stripe;

/// <summary>
/// Stripe's itemized balance-change report (balance_change_from_activity.itemized.3) with the columns MallPortal asks
/// for: a CSV with a header row; reporting_category charge is a payment, refund a refund (gross negative), amounts in the
/// currency's major unit; payment_metadata[payment_number] and refund_metadata[refund_number] name ours. Other rows
/// (fees, payouts, payments not made through MallPortal) are not the books' and are left out.
/// </summary>
public static class StripeBill
{
    public const string ReportType = "balance_change_from_activity.itemized.3";

    public static readonly string[] Columns =
    [
        "balance_transaction_id", "created_utc", "currency", "gross", "reporting_category", "source_id", "payment_intent_id",
        $"payment_metadata[{StripeGateway.PaymentNumberKey}]", $"refund_metadata[{StripeGateway.RefundNumberKey}]",
    ];

    public static byte[] Build(string currency, IEnumerable<(BillLine Line, string SourceId)> rows)
    {
        var text = new StringBuilder(string.Join(',', Columns.Select(BillCsv.Quote))).Append('\n');
        foreach (var (line, source) in rows.OrderBy(r => r.Line.At))
        {
            var refund = line.Kind == BillLineKind.Refund;
            string[] fields =
            [
                "txn_" + source[(source.IndexOf('_') + 1)..], line.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), currency,
                (refund ? "-" : "") + BillCsv.Yuan(line.Amount), refund ? "refund" : "charge", source, line.GatewayTradeNo ?? "", line.PaymentNumber,
                line.RefundNumber ?? "",
            ];
            text.Append(string.Join(',', fields.Select(BillCsv.Quote))).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static IReadOnlyList<BillLine> Parse(byte[] content)
    {
        var rows = Encoding.UTF8.GetString(content).TrimStart('\uFEFF').Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var header = rows.Length > 0 ? BillCsv.Split(rows[0]).ToList() : [];
        var at = Columns.Select(c => header.IndexOf(c)).ToArray();
        if (at.Any(i => i < 0))
        {
            throw new PaymentGatewayException("The Stripe report lacks the columns asked for");
        }
        var lines = new List<BillLine>();
        foreach (var f in rows.Skip(1).Select(BillCsv.Split))
        {
            string Field(int column) => f.Count > at[column] ? f[at[column]] : "";
            var category = Field(4);
            if (category is not ("charge" or "refund") || Field(7) is not { Length: > 0 } paymentNumber)
            {
                continue;
            }
            if (!decimal.TryParse(Field(3), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var gross)
                || !DateTime.TryParseExact(Field(1), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created))
            {
                throw new PaymentGatewayException($"A Stripe report row of {paymentNumber} is malformed");
            }
            var amount = new Money((long)Math.Abs(gross * 100));
            lines.Add(category == "charge"
                ? new BillLine(BillLineKind.Payment, paymentNumber, Field(6), null, amount, new DateTimeOffset(created, TimeSpan.Zero))
                : new BillLine(BillLineKind.Refund, paymentNumber, Field(6), Field(8), amount, new DateTimeOffset(created, TimeSpan.Zero)));
        }
        return lines;
    }
}
