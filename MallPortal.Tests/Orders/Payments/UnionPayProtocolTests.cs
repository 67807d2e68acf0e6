using System.Security.Cryptography;
using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.UnionPay;
using MallPortal.Core.Orders.Payments.UnionPay.Simulator;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>UnionPay 5.1.0's signing, answers, times and certificate chain, independent of any order.</summary>
public class UnionPayProtocolTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public void The_digest_is_the_lowercase_hex_SHA256_of_the_sorted_non_empty_fields_without_signature()
    {
        var fields = new Dictionary<string, string> { ["txnAmt"] = "100", ["merId"] = "777290058110048", ["signature"] = "x", ["reqReserved"] = "", ["accessType"] = "0" };

        // sha256("accessType=0&merId=777290058110048&txnAmt=100"), computed independently with sha256sum.
        Assert.Equal("1ae45c13bf2e661edd292211d0c0fa0c9fde5686f16116fa5f8c5321e4d790f6", UnionPayProtocol.Digest(fields));
    }

    [Fact]
    public void A_signature_covers_the_digest_text_and_breaks_when_a_field_changes()
    {
        using var key = RSA.Create(2048);
        var fields = UnionPayProtocol.Signed(new Dictionary<string, string> { ["orderId"] = "P20261205120000123456", ["txnAmt"] = "1999" }, "69629715588", key);

        Assert.Equal("69629715588", fields["certId"]);
        Assert.True(Sha256WithRsa.Verify(UnionPayProtocol.Digest(fields), fields["signature"], key));
        Assert.True(UnionPayProtocol.Verify(fields, key));
        fields["txnAmt"] = "1";
        Assert.False(UnionPayProtocol.Verify(fields, key));
    }

    [Fact]
    public void An_answer_splits_on_ampersands_outside_braces_and_keeps_equals_signs_in_values()
    {
        var answer = UnionPayProtocol.ParseAnswer("respCode=00&reserved={a=1&b=[x&y]}&signature=ab+/cd==&signPubKeyCert=-----BEGIN CERTIFICATE-----\nMII=\n-----END CERTIFICATE-----");

        Assert.Equal("00", answer["respCode"]);
        Assert.Equal("{a=1&b=[x&y]}", answer["reserved"]);
        Assert.Equal("ab+/cd==", answer["signature"]);
        Assert.EndsWith("-----END CERTIFICATE-----", answer["signPubKeyCert"]);
        Assert.Equal(4, answer.Count);
    }

    [Fact]
    public void The_txn_time_of_a_number_is_its_business_local_second_in_China_time()
    {
        Assert.Equal("20261205153012", UnionPayProtocol.TxnTime("P20261205153012482913", BusinessTimeZone.FromId("Asia/Shanghai")));
        // A shop keeping its books in Tokyo time: 16:30 there is 15:30 in China.
        Assert.Equal("20261205153012", UnionPayProtocol.TxnTime("R20261205163012000001", BusinessTimeZone.FromId("Asia/Tokyo")));
        Assert.Throws<PaymentGatewayException>(() => UnionPayProtocol.TxnTime("P-short", BusinessTimeZone.FromId(null)));
    }

    [Theory]
    [InlineData("1999", 1999L)]
    [InlineData("0", 0L)]
    [InlineData("19.99", null)]
    [InlineData("-1", null)]
    [InlineData("", null)]
    [InlineData("1e3", null)]
    public void Amounts_are_whole_fen_digits(string text, long? fen) =>
        Assert.Equal(fen is null ? null : new Money(fen.Value), UnionPayProtocol.ParseFen(text));

    [Fact]
    public void Only_UnionPays_own_signing_certificate_under_the_configured_roots_is_trusted()
    {
        var simulator = UnionPaySimulatorKeys.Shared;
        var keys = simulator.ForShop();
        using var key = RSA.Create(2048);

        Assert.NotNull(keys.TrustedSigner(simulator.PlatformCertificatePem, UnionPaySimulatorKeys.Owner, Now));
        // Issued under the same middle certificate to someone else (another merchant's certificate, say).
        Assert.Null(keys.TrustedSigner(simulator.Issue("041@Z12@某商户@00000002", key, Now.AddDays(-1), Now.AddYears(1)), UnionPaySimulatorKeys.Owner, Now));
        // UnionPay's name, but expired.
        Assert.Null(keys.TrustedSigner(simulator.Issue($"043@Z12@{UnionPaySimulatorKeys.Owner}@00000009", key, Now.AddYears(-2), Now.AddDays(-1)), UnionPaySimulatorKeys.Owner, Now));
        // UnionPay's name on a self-made certificate.
        var selfMade = new System.Security.Cryptography.X509Certificates.CertificateRequest($"CN=043@Z12@{UnionPaySimulatorKeys.Owner}@00000001", key,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(Now.AddDays(-1), Now.AddYears(1));
        Assert.Null(keys.TrustedSigner(selfMade.ExportCertificatePem(), UnionPaySimulatorKeys.Owner, Now));
        Assert.Null(keys.TrustedSigner("not a certificate", UnionPaySimulatorKeys.Owner, Now));
        Assert.Null(keys.TrustedSigner(null, UnionPaySimulatorKeys.Owner, Now));
    }

    [Fact]
    public void Live_keys_load_from_a_pfx_with_its_password_in_a_file_and_the_roots_and_a_missing_file_is_named()
    {
        var folder = Directory.CreateTempSubdirectory("unionpay-keys").FullName;
        try
        {
            using var key = RSA.Create(2048);
            using var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=041@Z12@测试商户@00000001", key,
                HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(Now.AddDays(-1), Now.AddYears(1));
            File.WriteAllBytes(Path.Combine(folder, "sign.pfx"), certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "000000"));
            File.WriteAllText(Path.Combine(folder, "password"), "000000\n");
            File.WriteAllText(Path.Combine(folder, "root.cer"), UnionPaySimulatorKeys.Shared.Root.ExportCertificatePem());
            File.WriteAllBytes(Path.Combine(folder, "middle.cer"), UnionPaySimulatorKeys.Shared.Middle.RawData);
            var options = new UnionPayOptions
            {
                SignCertFile = Path.Combine(folder, "sign.pfx"), SignCertPasswordFile = Path.Combine(folder, "password"),
                RootCertFile = Path.Combine(folder, "root.cer"), MiddleCertFile = Path.Combine(folder, "middle.cer"),
            };

            var keys = UnionPayKeys.Load(options);

            Assert.Equal(System.Numerics.BigInteger.Parse("0" + certificate.SerialNumber, System.Globalization.NumberStyles.HexNumber).ToString(), keys.CertId);
            Assert.True(UnionPayProtocol.Verify(UnionPayProtocol.Signed(new() { ["orderId"] = "P1" }, keys.CertId, keys.SignKey), key));
            Assert.NotNull(keys.TrustedSigner(UnionPaySimulatorKeys.Shared.PlatformCertificatePem, UnionPaySimulatorKeys.Owner, Now));
            var missing = Assert.Throws<InvalidOperationException>(() => UnionPayKeys.Load(new UnionPayOptions { SignCertFile = options.SignCertFile,
                SignCertPasswordFile = options.SignCertPasswordFile, RootCertFile = Path.Combine(folder, "nope.cer"), MiddleCertFile = options.MiddleCertFile }));
            Assert.Contains("RootCertFile", missing.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
