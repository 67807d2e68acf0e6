using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MallPortal.Core.Orders.Payments.UnionPay.Simulator;

/// <summary>
/// The simulator's self-made certificates: a root and a middle certificate authority, UnionPay's signing certificate under
/// them (CN 043@Z12@中国银联股份有限公司@…, as the real one names its owner), and the merchant's signing certificate (as
/// UnionPay's merchant service issues it; the simulator knows it by its certId). Made once per process, never kept.
/// </summary>
public sealed class UnionPaySimulatorKeys
{
    public const string Owner = "中国银联股份有限公司";

    private static readonly Lazy<UnionPaySimulatorKeys> Instance = new(() => new UnionPaySimulatorKeys());

    private readonly RSA _middleKey;

    private UnionPaySimulatorKeys()
    {
        // Valid from well before today: tests run on a fake clock set in the past.
        var from = DateTimeOffset.UtcNow.AddYears(-3);
        using var rootKey = RSA.Create(2048);
        Root = Authority("CN=CFCA TEST CS CA (simulated root)", rootKey, null, null, from);
        _middleKey = RSA.Create(2048);
        Middle = Authority("CN=CFCA TEST OCA1 (simulated middle)", _middleKey, Root, rootKey, from);
        PlatformKey = RSA.Create(2048);
        PlatformCertificatePem = Issue($"043@Z12@{Owner}@00000001", PlatformKey, from, from.AddYears(8));
        MerchantKey = RSA.Create(2048);
        var merchant = new CertificateRequest("CN=041@Z12@MallPortal simulated merchant@00000001", MerchantKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var merchantCertificate = merchant.CreateSelfSigned(from, from.AddYears(8));
        MerchantCertId = UnionPayKeys.SerialNumber(merchantCertificate);
    }

    public static UnionPaySimulatorKeys Shared => Instance.Value;

    public X509Certificate2 Root { get; }

    public X509Certificate2 Middle { get; }

    /// <summary>UnionPay's signing key and its certificate (sent as signPubKeyCert with every answer and notification).</summary>
    public RSA PlatformKey { get; }

    public string PlatformCertificatePem { get; }

    public RSA MerchantKey { get; }

    public string MerchantCertId { get; }

    /// <summary>What the shop holds: its signing key and certId, and UnionPay's root and middle certificates.</summary>
    public UnionPayKeys ForShop() => new(MerchantKey, MerchantCertId, Root, Middle);

    /// <summary>A signing certificate under the middle authority, PEM (tests make wrong-owner and expired ones).</summary>
    public string Issue(string commonName, RSA key, DateTimeOffset from, DateTimeOffset to)
    {
        var request = new CertificateRequest($"CN={commonName}, O=UnionPay Simulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        using var issuer = Middle.CopyWithPrivateKey(_middleKey);
        using var issued = request.Create(issuer, from, to, RandomNumberGenerator.GetBytes(8));
        return issued.ExportCertificatePem();
    }

    /// <summary>A certificate authority: self-signed when no issuer is given. Only the public certificate is kept.</summary>
    private static X509Certificate2 Authority(string name, RSA key, X509Certificate2? issuer, RSA? issuerKey, DateTimeOffset from)
    {
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var signer = issuer?.CopyWithPrivateKey(issuerKey!);
        using var made = signer is null
            ? request.CreateSelfSigned(from, from.AddYears(12))
            : request.Create(signer, from, from.AddYears(9), RandomNumberGenerator.GetBytes(8));
        return X509CertificateLoader.LoadCertificate(made.RawData);
    }
}
