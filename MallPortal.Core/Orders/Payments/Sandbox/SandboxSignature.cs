using System.Security.Cryptography;
using System.Text;

namespace MallPortal.Core.Orders.Payments.Sandbox;

/// <summary>
/// HMAC-SHA256 over the non-empty fields except <c>sign</c>, sorted by key ordinally and joined as k=v with &amp;
/// (the rule WeChat Pay v2 and Alipay use for their string to sign), upper-case hex.
/// </summary>
public static class SandboxSignature
{
    public static string Sign(IReadOnlyDictionary<string, string> fields, string key)
    {
        var content = SignContent.Of(fields, "sign");
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(content)));
    }

    public static bool Verify(IReadOnlyDictionary<string, string> fields, string key) =>
        fields.TryGetValue("sign", out var sign) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(fields, key)), Encoding.ASCII.GetBytes(sign.ToUpperInvariant()));
}
