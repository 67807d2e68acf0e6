using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MallPortal.Core.Notifications.Sms;

/// <summary>
/// Tencent Cloud API 3.0 signature (TC3-HMAC-SHA256) for a JSON <c>POST /</c> with an empty
/// query. The signing key is derived from the secret through the UTC date and the service, so
/// a signature is only valid for that day's requests to that service.
/// </summary>
public static class TencentTc3Signer
{
    public const string Algorithm = "TC3-HMAC-SHA256";

    /// <summary>What the older documentation signs.</summary>
    public const string ContentTypeAndHost = "content-type;host";

    /// <summary>What the current documentation signs; the action is lower-cased in the canonical header.</summary>
    public const string ContentTypeHostAndAction = "content-type;host;x-tc-action";

    public static string HexSha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The UTC date of the timestamp, which scopes the credential and the derived key.</summary>
    public static string Date(long timestamp) =>
        DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string CanonicalRequest(TencentTc3Request request)
    {
        var headers = new StringBuilder();
        foreach (var name in request.SignedHeaders.Split(';'))
        {
            headers.Append(name).Append(':').Append(HeaderValue(request, name)).Append('\n');
        }
        return "POST\n/\n\n" + headers + "\n" + request.SignedHeaders + "\n" + HexSha256(request.Payload);
    }

    public static string CredentialScope(TencentTc3Request request) =>
        $"{Date(request.Timestamp)}/{request.Service}/tc3_request";

    public static string StringToSign(TencentTc3Request request) =>
        $"{Algorithm}\n{request.Timestamp}\n{CredentialScope(request)}\n{HexSha256(CanonicalRequest(request))}";

    /// <summary>Lower-case hex HMAC-SHA256 of the string to sign under the date- and service-derived key.</summary>
    public static string Signature(TencentTc3Request request, string secretKey)
    {
        var date = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), Date(request.Timestamp));
        var service = Hmac(date, request.Service);
        var signing = Hmac(service, "tc3_request");
        return Convert.ToHexStringLower(Hmac(signing, StringToSign(request)));
    }

    /// <summary>The value of the <c>Authorization</c> header.</summary>
    public static string Authorization(TencentTc3Request request, string secretId, string secretKey) =>
        $"{Algorithm} Credential={secretId}/{CredentialScope(request)}, "
        + $"SignedHeaders={request.SignedHeaders}, Signature={Signature(request, secretKey)}";

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string HeaderValue(TencentTc3Request request, string name) => name switch
    {
        "content-type" => request.ContentType,
        "host" => request.Host,
        "x-tc-action" => request.Action.ToLowerInvariant(),
        _ => throw new ArgumentException($"Header '{name}' cannot be signed here.", nameof(request)),
    };
}

/// <summary>
/// One request to sign. <paramref name="Payload"/> is the exact JSON body sent (hashed as UTF-8);
/// <paramref name="Timestamp"/> is Unix seconds, also sent as <c>X-TC-Timestamp</c>.
/// </summary>
public sealed record TencentTc3Request(string Service, string Host, string Action, long Timestamp, string Payload)
{
    public string ContentType { get; init; } = "application/json; charset=utf-8";

    /// <summary><see cref="TencentTc3Signer.ContentTypeAndHost"/> or <see cref="TencentTc3Signer.ContentTypeHostAndAction"/>.</summary>
    public string SignedHeaders { get; init; } = TencentTc3Signer.ContentTypeHostAndAction;
}
