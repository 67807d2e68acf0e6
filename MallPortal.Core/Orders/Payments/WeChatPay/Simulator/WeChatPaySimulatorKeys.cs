using System.Security.Cryptography;

namespace MallPortal.Core.Orders.Payments.WeChatPay.Simulator;

/// <summary>
/// The simulator's self-made key material, as the merchant platform would hand it out: the merchant API key pair and
/// its certificate serial, "WeChat Pay's" key pair and public-key id, and an APIv3 key. Made once per process.
/// </summary>
public sealed class WeChatPaySimulatorKeys
{
    public const string PlatformKeyId = "PUB_KEY_ID_0100000000000000000000000000000001";

    private static readonly Lazy<WeChatPaySimulatorKeys> Instance = new(() => new WeChatPaySimulatorKeys());

    private WeChatPaySimulatorKeys()
    {
        using var merchant = RSA.Create(2048);
        using var platform = RSA.Create(2048);
        (MerchantPrivateKey, MerchantPublicKey) = (Private(merchant), Public(merchant));
        (PlatformPrivateKey, PlatformPublicKey) = (Private(platform), Public(platform));
        MerchantSerialNo = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        ApiV3Key = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
        AppSecret = RandomNumberGenerator.GetHexString(32, lowercase: true);
    }

    public static WeChatPaySimulatorKeys Shared => Instance.Value;

    public RSA MerchantPrivateKey { get; }

    public RSA MerchantPublicKey { get; }

    public RSA PlatformPrivateKey { get; }

    public RSA PlatformPublicKey { get; }

    public string MerchantSerialNo { get; }

    public string ApiV3Key { get; }

    /// <summary>The official account's AppSecret (WeChat sign-in).</summary>
    public string AppSecret { get; }

    /// <summary>What the shop holds: its own key and serial, WeChat Pay's public key by id, the APIv3 key.</summary>
    public WeChatPayKeys ForShop() => new(MerchantPrivateKey, MerchantSerialNo, new Dictionary<string, RSA> { [PlatformKeyId] = PlatformPublicKey }, ApiV3Key);

    private static RSA Private(RSA pair)
    {
        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(pair.ExportPkcs8PrivateKey(), out _);
        return key;
    }

    private static RSA Public(RSA pair)
    {
        var key = RSA.Create();
        key.ImportSubjectPublicKeyInfo(pair.ExportSubjectPublicKeyInfo(), out _);
        return key;
    }
}
