using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.UnionPay;

/// <summary>
/// UnionPay online gateway 5.1.0 facts (reference: payments-logistics.md §4): form fields signed with signMethod 01 — the
/// SHA-256 of the sorted non-empty fields (signature left out) as lowercase hex, signed SHA256withRSA; amounts in fen;
/// China-time txnTime; answers as k=v&amp;k=v text whose values may hold nested {} or [].
/// </summary>
public static class UnionPayProtocol
{
    public const string Version = "5.1.0";

    public const string SignMethodRsa = "01";

    public const string Consume = "01";

    public const string Refund = "04";

    public const string Query = "00";

    public const string GatewayBiz = "000201";

    public const string Yuan = "156";

    public const string Success = "00";

    /// <summary>Query: no such transaction (never received, or its payTimeout passed unpaid).</summary>
    public const string NotFound = "34";

    /// <summary>A repeated orderId and txnTime: the request was taken before.</summary>
    public const string Duplicate = "12";

    public const string FrontPath = "/gateway/api/frontTransReq.do";

    public const string BackPath = "/gateway/api/backTransReq.do";

    public const string QueryPath = "/gateway/api/queryTrans.do";

    /// <summary>UnionPay resends a back notification that did not get HTTP 200.</summary>
    public static readonly GatewayAnswer Acknowledgement = GatewayAnswer.Text(200, "ok");

    public static readonly GatewayAnswer Refusal = GatewayAnswer.Text(400, "fail");

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The lowercase hex SHA-256 of the string to sign (every non-empty field but signature).</summary>
    public static string Digest(IEnumerable<KeyValuePair<string, string>> fields) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SignContent.Of(fields, "signature"))));

    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, RSA privateKey) => Sha256WithRsa.Sign(Digest(fields), privateKey);

    public static bool Verify(IReadOnlyDictionary<string, string> fields, RSA publicKey) =>
        Sha256WithRsa.Verify(Digest(fields), fields.GetValueOrDefault("signature"), publicKey);

    /// <summary>Fields with certId and signature added, ready to post.</summary>
    public static Dictionary<string, string> Signed(Dictionary<string, string> fields, string certId, RSA privateKey)
    {
        fields.Remove("signature");
        fields["certId"] = certId;
        fields["signature"] = Sign(fields, privateKey);
        return fields;
    }

    /// <summary>yyyyMMddHHmmss in China time, as txnTime and payTimeout are.</summary>
    public static string ChinaTime(DateTimeOffset time) => time.ToOffset(ChinaOffset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseChinaTime(string? text) =>
        DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, ChinaOffset)
            : null;

    /// <summary>
    /// The txnTime of one of our numbers (P… payments, R… refunds): the business-local second it was made, which every
    /// number carries, in China time. A query names a transaction by orderId and txnTime, so both are kept in the number.
    /// </summary>
    public static string TxnTime(string number, BusinessTimeZone zone)
    {
        if (number.Length < 20 || !DateTime.TryParseExact(number[^20..^6], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new PaymentGatewayException($"UnionPay: {number} carries no time");
        }
        return ChinaTime(new DateTimeOffset(zone.ToUtc(local), TimeSpan.Zero));
    }

    public static string Fen(Money amount) => amount.Fen.ToString(CultureInfo.InvariantCulture);

    /// <summary>Fen from txnAmt: digits only, else null.</summary>
    public static Money? ParseFen(string? text) =>
        text is { Length: > 0 and <= 12 } && text.All(char.IsAsciiDigit) ? new Money(long.Parse(text, CultureInfo.InvariantCulture)) : null;

    /// <summary>
    /// An answer's fields: pairs split on &amp; outside braces and brackets (a value such as reserved={a=1&amp;b=2} stays
    /// whole), each key up to its first '='.
    /// </summary>
    public static Dictionary<string, string> ParseAnswer(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '&';
            depth += c is '{' or '[' ? 1 : c is '}' or ']' && depth > 0 ? -1 : 0;
            if (c != '&' || depth > 0)
            {
                continue;
            }
            var pair = text[start..i];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields[pair[..equals]] = pair[(equals + 1)..];
            }
            start = i + 1;
        }
        return fields;
    }

    public static string Format(IEnumerable<KeyValuePair<string, string>> fields) => string.Join('&', fields.Select(f => $"{f.Key}={f.Value}"));
}
