using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MallPortal.Core.Orders.Payments.UnionPay;

/// <summary>
/// The merchant's signing key with its certId (the decimal serial number of its certificate), and UnionPay's root and
/// middle certificates, which every answer's and notification's signPubKeyCert must chain to.
/// </summary>
public sealed class UnionPayKeys(RSA signKey, string certId, X509Certificate2 root, X509Certificate2 middle)
{
    public RSA SignKey { get; } = signKey;

    public string CertId { get; } = certId;

    public X509Certificate2 Root { get; } = root;

    public X509Certificate2 Middle { get; } = middle;

    public static UnionPayKeys Load(UnionPayOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SignCertFile) || !File.Exists(options.SignCertFile))
        {
            throw new InvalidOperationException($"UnionPay: the signing certificate {options.SignCertFile} does not exist (Payments:UnionPay:SignCertFile).");
        }
        var password = GatewayKeys.Read("UnionPay signing certificate password", options.SignCertPasswordFile, options.SignCertPasswordVariable);
        var pfx = X509CertificateLoader.LoadPkcs12FromFile(options.SignCertFile, password);
        var key = pfx.GetRSAPrivateKey() ?? throw new InvalidOperationException("UnionPay: the signing certificate holds no RSA private key.");
        return new UnionPayKeys(key, SerialNumber(pfx), Certificate("root", options.RootCertFile), Certificate("middle", options.MiddleCertFile));
    }

    /// <summary>A certificate's serial number in decimal, as certId is written.</summary>
    public static string SerialNumber(X509Certificate2 certificate) =>
        new BigInteger(Convert.FromHexString(certificate.SerialNumber), isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The public key of a signPubKeyCert that chains to the configured root through the middle certificate, is valid
    /// <paramref name="at"/>, and is UnionPay's own signing certificate (its CN names <paramref name="owner"/>); else null.
    /// </summary>
    public RSA? TrustedSigner(string? pem, string owner, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return null;
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            return null;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Root);
        chain.ChainPolicy.ExtraStore.Add(Middle);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        var parts = certificate.GetNameInfo(X509NameType.SimpleName, false).Split('@');
        return chain.Build(certificate) && chain.ChainElements.Count == 3 && parts.Length >= 3 && parts[2] == owner
            ? certificate.GetRSAPublicKey()
            : null;
    }

    private static X509Certificate2 Certificate(string what, string file) =>
        !string.IsNullOrWhiteSpace(file) && File.Exists(file)
            ? X509CertificateLoader.LoadCertificateFromFile(file)
            : throw new InvalidOperationException($"UnionPay: the {what} certificate {file} does not exist (Payments:UnionPay:{(what == "root" ? "Root" : "Middle")}CertFile).");
}
