using System.Security.Cryptography;
using System.Text;

namespace MallPortal.Core.Orders.Payments;

/// <summary>SHA256withRSA (PKCS#1 v1.5) over UTF-8 text, Base64: Alipay's RSA2, WeChat Pay v3's and UnionPay 5.1.0's primitive.</summary>
public static class Sha256WithRsa
{
    public static string Sign(string text, RSA privateKey) =>
        Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>False for a missing, malformed or wrong signature (never throws on bad input).</summary>
    public static bool Verify(string text, string? signature, RSA publicKey)
    {
        var bytes = new byte[((signature?.Length ?? 0) * 3 / 4) + 3];
        return signature is { Length: > 0 } && Convert.TryFromBase64String(signature, bytes, out var length)
            && publicKey.VerifyData(Encoding.UTF8.GetBytes(text), bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
