using System.Security.Cryptography;

namespace MallPortal.Core.Orders.Payments.Alipay.Simulator;

/// <summary>
/// The simulator's self-made key pairs, as the open platform console would hand them out: the app's (the shop signs,
/// the simulator verifies with the public half) and "Alipay's" (the simulator signs, the shop verifies). Made once per
/// process: RSA-2048 generation is slow and the keys are never kept.
/// </summary>
public sealed class AlipaySimulatorKeys
{
    private static readonly Lazy<AlipaySimulatorKeys> Instance = new(() => new AlipaySimulatorKeys());

    private AlipaySimulatorKeys()
    {
        using var app = RSA.Create(2048);
        using var platform = RSA.Create(2048);
        (AppPrivateKey, AppPublicKey) = Split(app);
        (PlatformPrivateKey, PlatformPublicKey) = Split(platform);
    }

    public static AlipaySimulatorKeys Shared => Instance.Value;

    public RSA AppPrivateKey { get; }

    public RSA AppPublicKey { get; }

    public RSA PlatformPrivateKey { get; }

    public RSA PlatformPublicKey { get; }

    /// <summary>What the shop holds: its own private key and Alipay's public key.</summary>
    public AlipayKeys ForShop() => new(AppPrivateKey, PlatformPublicKey);

    private static (RSA Private, RSA Public) Split(RSA pair)
    {
        var privateKey = RSA.Create();
        privateKey.ImportPkcs8PrivateKey(pair.ExportPkcs8PrivateKey(), out _);
        var publicKey = RSA.Create();
        publicKey.ImportSubjectPublicKeyInfo(pair.ExportSubjectPublicKeyInfo(), out _);
        return (privateKey, publicKey);
    }
}
