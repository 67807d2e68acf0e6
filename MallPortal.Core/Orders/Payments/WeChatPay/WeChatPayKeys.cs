using System.Security.Cryptography;

namespace MallPortal.Core.Orders.Payments.WeChatPay;

/// <summary>The merchant's API key and certificate serial (signs requests), WeChat Pay's public keys by serial, the APIv3 key.</summary>
public sealed class WeChatPayKeys(RSA merchantPrivateKey, string merchantSerialNo, IReadOnlyDictionary<string, RSA> platformKeys, string apiV3Key)
{
    public RSA MerchantPrivateKey { get; } = merchantPrivateKey;

    public string MerchantSerialNo { get; } = merchantSerialNo;

    public IReadOnlyDictionary<string, RSA> PlatformKeys { get; } = platformKeys;

    public string ApiV3Key { get; } = apiV3Key;

    public static WeChatPayKeys Load(WeChatPayOptions options)
    {
        var apiV3Key = GatewayKeys.Read("WeChat Pay APIv3 key", options.ApiV3KeyFile, options.ApiV3KeyVariable);
        if (apiV3Key.Length != 32)
        {
            throw new InvalidOperationException("WeChat Pay APIv3 key: it must be the 32 characters set in the merchant platform.");
        }
        return new WeChatPayKeys(
            GatewayKeys.PrivateRsa(GatewayKeys.Read("WeChat Pay merchant private key", options.MerchantPrivateKeyFile, options.MerchantPrivateKeyVariable)),
            options.MerchantSerialNo,
            new Dictionary<string, RSA>
            {
                [options.PlatformPublicKeyId] = GatewayKeys.PublicRsa(GatewayKeys.Read("WeChat Pay public key", options.PlatformPublicKeyFile, options.PlatformPublicKeyVariable)),
            },
            apiV3Key);
    }
}
