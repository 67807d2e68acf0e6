using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MallPortal.Core.Orders.Payments.WeChatPay;

/// <summary>
/// WeChat Pay API v3 facts (reference: payments-logistics.md §3): requests signed over method, path, timestamp, nonce and
/// body; answers and notifications signed over timestamp, nonce and body in Wechatpay-* headers, refused when older than
/// five minutes or a signature probe; notification resources sealed with AEAD_AES_256_GCM under the APIv3 key.
/// </summary>
public static class WeChatPayProtocol
{
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    /// <summary>WeChat Pay sends callbacks with such "signatures" on purpose: they must fail verification, cleanly.</summary>
    public const string ProbePrefix = "WECHATPAY/SIGNTEST/";

    public const string TimestampHeader = "Wechatpay-Timestamp";

    public const string NonceHeader = "Wechatpay-Nonce";

    public const string SignatureHeader = "Wechatpay-Signature";

    public const string SerialHeader = "Wechatpay-Serial";

    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public static string RequestMessage(string method, string pathAndQuery, string timestamp, string nonce, string body) =>
        $"{method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{body}\n";

    public static string AnswerMessage(string timestamp, string nonce, string body) => $"{timestamp}\n{nonce}\n{body}\n";

    public static string Authorization(string mchId, string nonce, string timestamp, string serialNo, string signature) =>
        $"{Scheme} mchid=\"{mchId}\",nonce_str=\"{nonce}\",timestamp=\"{timestamp}\",serial_no=\"{serialNo}\",signature=\"{signature}\"";

    /// <summary>The items of an Authorization header (mchid, nonce_str, timestamp, serial_no, signature); null when it is not WeChat Pay's.</summary>
    public static Dictionary<string, string>? ParseAuthorization(string? header)
    {
        if (header is null || !header.StartsWith(Scheme + " ", StringComparison.Ordinal))
        {
            return null;
        }
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in header[(Scheme.Length + 1)..].Split(','))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }
            items[item[..eq].Trim()] = item[(eq + 1)..].Trim().Trim('"');
        }
        return items;
    }

    /// <summary>
    /// What WeixinJSBridge's getBrandWCPayRequest takes (reference §3.6): appId, timeStamp, nonceStr, package=prepay_id=…,
    /// signType RSA, and paySign — SHA256withRSA with the merchant key over the four values, each followed by a newline.
    /// </summary>
    public static Dictionary<string, string> JsapiPayment(string appId, string prepayId, RSA merchantKey, DateTimeOffset now)
    {
        var payment = new Dictionary<string, string>
        {
            ["appId"] = appId, ["timeStamp"] = UnixSeconds(now), ["nonceStr"] = Nonce(), ["package"] = "prepay_id=" + prepayId, ["signType"] = "RSA",
        };
        payment["paySign"] = Sha256WithRsa.Sign(JsapiMessage(payment), merchantKey);
        return payment;
    }

    public static string JsapiMessage(IReadOnlyDictionary<string, string> payment) =>
        $"{payment.GetValueOrDefault("appId")}\n{payment.GetValueOrDefault("timeStamp")}\n{payment.GetValueOrDefault("nonceStr")}\n{payment.GetValueOrDefault("package")}\n";

    public static string Nonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public static string UnixSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>2026-12-05T18:30:00+08:00: the RFC 3339 times WeChat Pay reads and writes.</summary>
    public static string Rfc3339(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The four headers of an answer or notification signed with the platform key at <paramref name="now"/>.</summary>
    public static Dictionary<string, string> SignedHeaders(string body, string serial, RSA platformKey, DateTimeOffset now)
    {
        var (timestamp, nonce) = (UnixSeconds(now), Nonce());
        return new Dictionary<string, string>
        {
            [TimestampHeader] = timestamp,
            [NonceHeader] = nonce,
            [SignatureHeader] = Sha256WithRsa.Sign(AnswerMessage(timestamp, nonce, body), platformKey),
            [SerialHeader] = serial,
            ["Wechatpay-Signature-Type"] = Scheme,
        };
    }

    /// <summary>Why an answer or notification is not WeChat Pay's (or is stale); null when it verifies.</summary>
    public static string? Rejection(Func<string, string?> header, string body, IReadOnlyDictionary<string, RSA> platformKeys, DateTimeOffset now)
    {
        var (timestamp, nonce, signature, serial) = (header(TimestampHeader), header(NonceHeader), header(SignatureHeader), header(SerialHeader));
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(serial))
        {
            return "missing Wechatpay headers";
        }
        if (signature.StartsWith(ProbePrefix, StringComparison.Ordinal))
        {
            return "signature probe";
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 32503680000)
        {
            return "malformed timestamp";
        }
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() >= ReplayWindow)
        {
            return "timestamp outside 5 minutes";
        }
        if (!platformKeys.TryGetValue(serial, out var key))
        {
            return $"unknown serial {serial[..Math.Min(serial.Length, 64)]}";
        }
        return Sha256WithRsa.Verify(AnswerMessage(timestamp, nonce, body), signature, key) ? null : "signature";
    }

    /// <summary>AEAD_AES_256_GCM open: Base64 of ciphertext ‖ 16-byte tag; null when it does not authenticate.</summary>
    public static string? Decrypt(string apiV3Key, string nonce, string associatedData, string ciphertext)
    {
        try
        {
            var sealedBytes = Convert.FromBase64String(ciphertext);
            if (sealedBytes.Length < 16)
            {
                return null;
            }
            using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), 16);
            var plain = new byte[sealedBytes.Length - 16];
            aes.Decrypt(Encoding.UTF8.GetBytes(nonce), sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), plain,
                Encoding.UTF8.GetBytes(associatedData));
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    public static string Encrypt(string apiV3Key, string nonce, string associatedData, string plaintext)
    {
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(apiV3Key), 16);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[plain.Length + 16];
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length),
            Encoding.UTF8.GetBytes(associatedData));
        return Convert.ToBase64String(sealedBytes);
    }
}
