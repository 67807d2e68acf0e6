using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MallPortal.Core.Common;

namespace MallPortal.Core.Orders.Payments.Alipay;

/// <summary>
/// Alipay open platform facts (reference: payments-logistics.md §2): RSA2 signatures over the sorted fields, yuan amounts
/// with two decimals, China-time timestamps, and signed JSON answers whose signature covers the raw text of their node.
/// </summary>
public static class AlipayProtocol
{
    public const string SuccessBody = "success";

    public const string PagePay = "alipay.trade.page.pay";

    public const string WapPay = "alipay.trade.wap.pay";

    public const string Query = "alipay.trade.query";

    public const string Refund = "alipay.trade.refund";

    public const string Close = "alipay.trade.close";

    public const string RefundQuery = "alipay.trade.fastpay.refund.query";

    public const string BillUrl = "alipay.data.dataservice.bill.downloadurl.query";

    public const string SuccessCode = "10000";

    public const string TradeNotExist = "ACQ.TRADE_NOT_EXIST";

    public static readonly GatewayAnswer Acknowledgement = GatewayAnswer.Text(200, SuccessBody);

    /// <summary>Anything but "success" makes Alipay send the notification again (8 times in 25 hours).</summary>
    public static readonly GatewayAnswer Refusal = GatewayAnswer.Text(400, "fail");

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>RSA2: SHA256withRSA over the UTF-8 content, Base64.</summary>
    public static string Sign(string content, RSA privateKey) => Sha256WithRsa.Sign(content, privateKey);

    public static bool Verify(string content, string? signature, RSA publicKey) => Sha256WithRsa.Verify(content, signature, publicKey);

    /// <summary>A request's sign: every field but <c>sign</c> (sign_type included).</summary>
    public static string SignRequest(IEnumerable<KeyValuePair<string, string>> fields, RSA privateKey) => Sign(SignContent.Of(fields, "sign"), privateKey);

    /// <summary>A notification's (and return's) sign: every field but <c>sign</c> and <c>sign_type</c>.</summary>
    public static bool VerifyNotification(IReadOnlyDictionary<string, string> fields, RSA publicKey) =>
        Verify(SignContent.Of(fields, "sign", "sign_type"), fields.GetValueOrDefault("sign"), publicKey);

    public static string SignNotification(IReadOnlyDictionary<string, string> fields, RSA privateKey) =>
        Sign(SignContent.Of(fields, "sign", "sign_type"), privateKey);

    /// <summary>"12.30" for 1230 fen.</summary>
    public static string Yuan(Money amount) => (amount.Fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Fen from Alipay's yuan text; null when it is not a plain amount with at most two decimals.</summary>
    public static Money? ParseYuan(string? text)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan) || yuan > 100_000_000m || yuan * 100 != decimal.Truncate(yuan * 100))
        {
            return null;
        }
        return new Money((long)(yuan * 100));
    }

    /// <summary>yyyy-MM-dd HH:mm:ss in China time, as Alipay's timestamps are.</summary>
    public static string ChinaTime(DateTimeOffset time) => time.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseChinaTime(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, ChinaOffset)
            : null;

    /// <summary>The response node's name for a method: alipay.trade.query → alipay_trade_query_response.</summary>
    public static string ResponseNode(string method) => method.Replace('.', '_') + "_response";

    /// <summary>
    /// The exact text of a node's JSON object inside an answer (what Alipay signs) and the answer's sign; null when the
    /// node is missing or appears twice.
    /// </summary>
    public static (string Node, string? Sign)? SignedNode(byte[] json, string nodeName)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        string? node = null;
        string? sign = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == nodeName && reader.TokenType == JsonTokenType.StartObject)
            {
                if (node is not null)
                {
                    return null;
                }
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                node = Encoding.UTF8.GetString(json, start, (int)reader.BytesConsumed - start);
            }
            else if (name == "sign" && reader.TokenType == JsonTokenType.String)
            {
                sign = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
        return node is null ? null : (node, sign);
    }

    /// <summary>An answer as Alipay writes it: the node's text and the sign over exactly that text.</summary>
    public static string SignedAnswer(string nodeName, string nodeJson, RSA privateKey) =>
        $"{{\"{nodeName}\":{nodeJson},\"sign\":{JsonSerializer.Serialize(Sign(nodeJson, privateKey))}}}";
}
