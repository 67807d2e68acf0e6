using System.Globalization;
using System.IO.Compression;
using System.Text;
using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments.Bills;

namespace MallPortal.Core.Orders.Payments.UnionPay;

/// <summary>
/// UnionPay's merchant reconciliation file as the file transfer (txnType 76) gives it: fileContent is Base64 of a
/// zlib-deflated zip, whose ZM file (INN{yyMMdd}88ZM_{merId}) holds one GBK line per transaction, fixed-width fields one
/// byte apart (《全渠道平台接入接口规范 第3部分 文件接口》 6.1): S22 a consumption, S30 a refund (退货), amounts in fen.
/// </summary>
public static class UnionPayBill
{
    public const string Consumption = "S22";

    public const string Return = "S30";

    /// <summary>The ZM file's field widths in bytes, in order.</summary>
    private static readonly int[] Widths =
        [3, 11, 11, 6, 10, 19, 12, 4, 2, 21, 2, 32, 2, 6, 10, 13, 13, 4, 15, 2, 2, 6, 2, 4, 32, 1, 21, 15, 1, 15, 32, 13, 13, 8, 32, 13, 13, 12, 2, 1, 32, 98];

    private const int Code = 0, TransmittedAt = 4, Card = 5, Amount = 6, QueryId = 9, OrderId = 11, OriginalQueryId = 26, MerId = 27, OriginalOrderId = 40;

    /// <summary>What the file transfer's fileContent carries: the zip, deflated and Base64-encoded.</summary>
    public static string FileContent(byte[] zip)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(zip);
        }
        return Convert.ToBase64String(packed.ToArray());
    }

    /// <summary>The zip inside a fileContent; a malformed one throws <see cref="PaymentGatewayException"/>.</summary>
    public static byte[] Unpack(string fileContent)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(Convert.FromBase64String(fileContent)), CompressionMode.Decompress);
            using var zip = new MemoryStream();
            zlib.CopyTo(zip);
            return zip.ToArray();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException)
        {
            throw new PaymentGatewayException("UnionPay bill: fileContent is not a deflated file", ex);
        }
    }

    public static byte[] Build(string merId, DateOnly day, IEnumerable<(BillLine Line, string QueryId)> rows)
    {
        var text = new StringBuilder();
        foreach (var (line, queryId) in rows.OrderBy(r => r.Line.At))
        {
            var fields = new string[Widths.Length];
            var refund = line.Kind == BillLineKind.Refund;
            fields[Code] = refund ? Return : Consumption;
            fields[TransmittedAt] = line.At.ToOffset(BillDay.ChinaOffset).ToString("MMddHHmmss", CultureInfo.InvariantCulture);
            fields[Card] = "621626******0018";
            fields[Amount] = line.Amount.Fen.ToString("D12", CultureInfo.InvariantCulture);
            fields[QueryId] = queryId;
            fields[OrderId] = refund ? line.RefundNumber! : line.PaymentNumber;
            fields[OriginalQueryId] = refund ? line.GatewayTradeNo ?? "" : "";
            fields[MerId] = merId;
            fields[OriginalOrderId] = refund ? line.PaymentNumber : "";
            text.Append(string.Join(' ', fields.Select((f, i) => Pad(f ?? "", Widths[i])))).Append("\r\n");
        }
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry($"INN{day:yyMMdd}88ZM_{merId}").Open();
            entry.Write(BillCsv.Gbk.GetBytes(text.ToString()));
        }
        return zip.ToArray();
    }

    /// <summary>The consumptions and refunds of the ZM file in the zip of <paramref name="day"/>.</summary>
    public static IReadOnlyList<BillLine> Parse(byte[] zipBytes, DateOnly day)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
            var entry = archive.Entries.FirstOrDefault(e => e.Name.Contains("ZM_", StringComparison.Ordinal))
                ?? throw new PaymentGatewayException("UnionPay bill: the zip holds no ZM file");
            using var reader = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(reader);
            }
            return Lines(reader.ToArray()).Select(f => Line(f, day)).OfType<BillLine>().ToList();
        }
        catch (InvalidDataException ex)
        {
            throw new PaymentGatewayException("UnionPay bill: not a zip file", ex);
        }
    }

    private static BillLine? Line(string[] f, DateOnly day)
    {
        if (f[Code] is not (Consumption or Return))
        {
            return null;
        }
        if (!long.TryParse(f[Amount], NumberStyles.None, CultureInfo.InvariantCulture, out var fen)
            || !DateTime.TryParseExact($"{day.Year}{f[TransmittedAt]}", "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw new PaymentGatewayException($"UnionPay bill: a line of {f[OrderId]} is malformed");
        }
        // A transaction sent on 31 December appears in January's first file.
        var sent = new DateTimeOffset(at.Month > day.Month ? at.AddYears(-1) : at, BillDay.ChinaOffset);
        return f[Code] == Consumption
            ? new BillLine(BillLineKind.Payment, f[OrderId], f[QueryId], null, new Money(fen), sent)
            : new BillLine(BillLineKind.Refund, f[OriginalOrderId], f[OriginalQueryId], f[OrderId], new Money(fen), sent);
    }

    /// <summary>Each line's fields, cut by byte widths (one separator byte between fields) and trimmed.</summary>
    private static List<string[]> Lines(byte[] file)
    {
        var lines = new List<string[]>();
        var start = 0;
        for (var i = 0; i <= file.Length; i++)
        {
            if (i < file.Length && file[i] != (byte)'\n')
            {
                continue;
            }
            var line = file.AsSpan(start, i - start).TrimEnd((byte)'\r');
            start = i + 1;
            if (line.Length < Widths[..12].Sum() + 11)
            {
                continue;
            }
            var fields = new string[Widths.Length];
            var at = 0;
            for (var field = 0; field < Widths.Length; field++)
            {
                var width = Math.Max(0, Math.Min(Widths[field], line.Length - at));
                fields[field] = BillCsv.Gbk.GetString(line.Slice(at, width)).Trim();
                at = Math.Min(line.Length, at + Widths[field] + 1);
            }
            lines.Add(fields);
        }
        return lines;
    }

    /// <summary>Left-aligned, space-padded to the field's width in GBK bytes.</summary>
    private static string Pad(string value, int width) => value + new string(' ', Math.Max(0, width - BillCsv.Gbk.GetByteCount(value)));
}
