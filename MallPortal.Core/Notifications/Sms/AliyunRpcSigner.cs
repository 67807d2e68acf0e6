using System.Security.Cryptography;
using System.Text;

namespace MallPortal.Core.Notifications.Sms;

/// <summary>
/// Aliyun RPC ("POP") signature V1, as used by dysmsapi: parameters are percent-encoded per
/// RFC 3986, sorted by encoded key, and the canonical string is signed with HMAC-SHA1 under
/// <c>AccessKeySecret + "&amp;"</c>. An existing <c>Signature</c> parameter is never signed.
/// </summary>
public static class AliyunRpcSigner
{
    public const string SignatureParameter = "Signature";

    /// <summary>UTF-8, unreserved <c>A-Z a-z 0-9 - _ . ~</c> kept, everything else <c>%XX</c> upper-case.</summary>
    public static string PercentEncode(string value)
    {
        var result = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                result.Append(c);
            }
            else
            {
                result.Append('%').Append(b.ToString("X2"));
            }
        }
        return result.ToString();
    }

    public static string CanonicalQueryString(IReadOnlyDictionary<string, string> parameters) =>
        string.Join('&', parameters
            .Where(p => p.Key != SignatureParameter)
            .Select(p => (Key: PercentEncode(p.Key), Value: PercentEncode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));

    public static string StringToSign(string httpMethod, IReadOnlyDictionary<string, string> parameters) =>
        httpMethod.ToUpperInvariant() + "&" + PercentEncode("/") + "&" + PercentEncode(CanonicalQueryString(parameters));

    /// <summary>The Base64 signature, before it is percent-encoded into the query.</summary>
    public static string Sign(string httpMethod, IReadOnlyDictionary<string, string> parameters, string accessKeySecret)
    {
        var key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
        var data = Encoding.UTF8.GetBytes(StringToSign(httpMethod, parameters));
        return Convert.ToBase64String(HMACSHA1.HashData(key, data));
    }

    /// <summary>The canonical query string with <c>&amp;Signature=...</c> appended, ready for a URL or form body.</summary>
    public static string SignedQueryString(
        string httpMethod, IReadOnlyDictionary<string, string> parameters, string accessKeySecret) =>
        CanonicalQueryString(parameters) + "&" + SignatureParameter + "="
            + PercentEncode(Sign(httpMethod, parameters, accessKeySecret));
}
