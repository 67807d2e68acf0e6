using System.Security.Cryptography;

namespace MallPortal.Core.Orders.Payments.Alipay;

/// <summary>The app's private key (signs requests) and Alipay's public key (verifies answers and notifications).</summary>
public sealed class AlipayKeys(RSA appPrivateKey, RSA alipayPublicKey)
{
    public RSA AppPrivateKey { get; } = appPrivateKey;

    public RSA AlipayPublicKey { get; } = alipayPublicKey;

    public static AlipayKeys Load(AlipayOptions options) => new(
        GatewayKeys.PrivateRsa(GatewayKeys.Read("Alipay app private key", options.AppPrivateKeyFile, options.AppPrivateKeyVariable)),
        GatewayKeys.PublicRsa(GatewayKeys.Read("Alipay public key", options.AlipayPublicKeyFile, options.AlipayPublicKeyVariable)));
}
