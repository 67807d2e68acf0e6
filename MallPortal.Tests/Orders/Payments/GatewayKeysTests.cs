using System.Security.Cryptography;
using MallPortal.Core.Orders.Payments;

namespace MallPortal.Tests.Orders.Payments;

public class GatewayKeysTests
{
    [Fact]
    public void Keys_read_as_PEM_or_as_the_consoles_bare_Base64_in_either_format_sign_and_verify_alike()
    {
        using var pair = RSA.Create(2048);
        var privates = new[]
        {
            pair.ExportPkcs8PrivateKeyPem(), pair.ExportRSAPrivateKeyPem(),
            Convert.ToBase64String(pair.ExportPkcs8PrivateKey()), Convert.ToBase64String(pair.ExportRSAPrivateKey()),
        };
        var publics = new[]
        {
            pair.ExportSubjectPublicKeyInfoPem(), Convert.ToBase64String(pair.ExportSubjectPublicKeyInfo()), Convert.ToBase64String(pair.ExportRSAPublicKey()),
        };

        foreach (var text in privates)
        {
            using var key = GatewayKeys.PrivateRsa(text);
            var signature = Sha256WithRsa.Sign("out_trade_no=P1", key);
            foreach (var publicText in publics)
            {
                using var publicKey = GatewayKeys.PublicRsa(publicText);
                Assert.True(Sha256WithRsa.Verify("out_trade_no=P1", signature, publicKey));
            }
        }
    }

    [Fact]
    public void A_key_comes_from_its_file_or_its_variable_and_a_missing_one_says_which()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "  the key\n");
        var variable = "MALLPORTAL_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "from the environment");
        try
        {
            Assert.Equal("the key", GatewayKeys.Read("Alipay app private key", file, variable));
            Assert.Equal("from the environment", GatewayKeys.Read("Alipay app private key", "", variable));
            Assert.Contains("/nowhere/key.pem", Assert.Throws<InvalidOperationException>(() => GatewayKeys.Read("Alipay app private key", "/nowhere/key.pem", null)).Message);
            Assert.Contains("NOT_SET_ANYWHERE", Assert.Throws<InvalidOperationException>(() => GatewayKeys.Read("x", null, "NOT_SET_ANYWHERE")).Message);
            Assert.StartsWith("Alipay public key:", Assert.Throws<InvalidOperationException>(() => GatewayKeys.Read("Alipay public key", "", "")).Message);
        }
        finally
        {
            File.Delete(file);
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
