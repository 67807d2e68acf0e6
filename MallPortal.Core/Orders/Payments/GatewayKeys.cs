using System.Security.Cryptography;

namespace MallPortal.Core.Orders.Payments;

/// <summary>
/// Key material for the real gateways, read from a file or an environment variable named in configuration (never from
/// the repository). PEM with its headers, or bare Base64 as the providers' consoles hand it out: PKCS#8 or PKCS#1 for
/// private keys, SubjectPublicKeyInfo or PKCS#1 for public keys.
/// </summary>
public static class GatewayKeys
{
    /// <summary>The text in the file, else in the variable; a clear start-up error when neither is set or readable.</summary>
    public static string Read(string what, string? file, string? variable)
    {
        if (!string.IsNullOrWhiteSpace(file))
        {
            return File.Exists(file) ? File.ReadAllText(file).Trim() : throw new InvalidOperationException($"{what}: the key file {file} does not exist.");
        }
        if (!string.IsNullOrWhiteSpace(variable))
        {
            return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
                ? text.Trim()
                : throw new InvalidOperationException($"{what}: the environment variable {variable} is not set.");
        }
        throw new InvalidOperationException($"{what}: name a key file or an environment variable in the configuration.");
    }

    public static RSA PrivateRsa(string text) =>
        Import(text, (rsa, der) => rsa.ImportPkcs8PrivateKey(der, out _), (rsa, der) => rsa.ImportRSAPrivateKey(der, out _));

    public static RSA PublicRsa(string text) =>
        Import(text, (rsa, der) => rsa.ImportSubjectPublicKeyInfo(der, out _), (rsa, der) => rsa.ImportRSAPublicKey(der, out _));

    /// <summary>PEM (any of the formats, by its header), or Base64 DER in the first format, else the second.</summary>
    private static RSA Import(string text, Action<RSA, byte[]> first, Action<RSA, byte[]> second)
    {
        var rsa = RSA.Create();
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            rsa.ImportFromPem(text);
            return rsa;
        }
        var der = Convert.FromBase64String(text);
        try
        {
            first(rsa, der);
        }
        catch (CryptographicException)
        {
            second(rsa, der);
        }
        return rsa;
    }
}
