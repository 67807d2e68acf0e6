using System.Security.Cryptography;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.WeChatPay;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>WeChat Pay API v3's signing, verification and sealing against known answers (reference: payments-logistics.md §3.8, vectors/).</summary>
public class WeChatPayProtocolTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1722850421);

    [Fact]
    public void AES_GCM_opens_the_published_vector_and_the_32_byte_key_vector()
    {
        Assert.Equal("Hello World", WeChatPayProtocol.Decrypt("testAPIv3Key0000", "wCq51qZv4Yfg", "Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8", "FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC"));
        Assert.Equal("""{"out_trade_no":"T1","trade_state":"SUCCESS"}""", WeChatPayProtocol.Decrypt("0123456789abcdef0123456789abcdef", "abcdefghijkl", "transaction",
            "Eu6myr+6GaECeJdOZPZ6BX5lij2Vohspf9pbw6Eor54J6prefQGx4A8pw4JzQ/lkgFh/UIp8nXF6h6aOBw=="));
        Assert.Equal("""{"out_trade_no":"T1","trade_state":"SUCCESS"}""", WeChatPayProtocol.Decrypt("0123456789abcdef0123456789abcdef", "abcdefghijkl", "transaction",
            WeChatPayProtocol.Encrypt("0123456789abcdef0123456789abcdef", "abcdefghijkl", "transaction", """{"out_trade_no":"T1","trade_state":"SUCCESS"}""")));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdeX", "abcdefghijkl", "transaction")] // another APIv3 key
    [InlineData("0123456789abcdef0123456789abcdef", "abcdefghijkm", "transaction")] // another nonce
    [InlineData("0123456789abcdef0123456789abcdef", "abcdefghijkl", "refund")] // other associated data
    [InlineData("0123456789abcdef0123456789abcdef", "abc", "transaction")] // a nonce of the wrong size
    public void A_sealed_resource_opened_with_anything_else_is_refused_not_thrown(string key, string nonce, string associatedData)
    {
        Assert.Null(WeChatPayProtocol.Decrypt(key, nonce, associatedData, "Eu6myr+6GaECeJdOZPZ6BX5lij2Vohspf9pbw6Eor54J6prefQGx4A8pw4JzQ/lkgFh/UIp8nXF6h6aOBw=="));
        Assert.Null(WeChatPayProtocol.Decrypt("0123456789abcdef0123456789abcdef", "abcdefghijkl", "transaction", "not base64!"));
    }

    [Fact]
    public void Messages_are_lines_each_ending_in_a_newline_as_the_documentation_builds_them()
    {
        Assert.Equal("1722850421\nd824f2e086d3c1df967785d13fcd22ef\n{\"code_url\":\"weixin://wxpay/bizpayurl?pr=JyC91EIz1\"}\n",
            WeChatPayProtocol.AnswerMessage("1722850421", "d824f2e086d3c1df967785d13fcd22ef", """{"code_url":"weixin://wxpay/bizpayurl?pr=JyC91EIz1"}"""));
        Assert.Equal("GET\n/v3/pay/transactions/out-trade-no/T1?mchid=1900000001\n1722850421\nn1\n\n",
            WeChatPayProtocol.RequestMessage("GET", "/v3/pay/transactions/out-trade-no/T1?mchid=1900000001", "1722850421", "n1", ""));
    }

    [Fact]
    public void The_authorization_header_carries_the_five_items_and_reads_back()
    {
        using var key = AlipayProtocolTests.TestKey();
        var signature = Sha256WithRsa.Sign(WeChatPayProtocol.RequestMessage("POST", "/v3/refund/domestic/refunds", "1722850421", "n1", "{}"), key);

        var header = WeChatPayProtocol.Authorization("1900000001", "n1", "1722850421", "5157F09E", signature);
        var items = WeChatPayProtocol.ParseAuthorization(header)!;

        Assert.StartsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",nonce_str=\"n1\",timestamp=\"1722850421\",serial_no=\"5157F09E\",signature=\"", header);
        Assert.Equal(("1900000001", "n1", "1722850421", "5157F09E", signature),
            (items["mchid"], items["nonce_str"], items["timestamp"], items["serial_no"], items["signature"]));
        Assert.Null(WeChatPayProtocol.ParseAuthorization("Bearer abc"));
    }

    public static TheoryData<string, string?> Tamperings() => new()
    {
        { "as signed", null },
        { "no nonce", "missing Wechatpay headers" },
        { "a signature probe", "signature probe" },
        { "signed six minutes ago", "timestamp outside 5 minutes" },
        { "signed five minutes ahead", "timestamp outside 5 minutes" },
        { "an unknown serial", "unknown serial PUB_KEY_ID_OTHER" },
        { "the body changed", "signature" },
        { "another key", "signature" },
        { "a timestamp that is not a number", "malformed timestamp" },
    };

    [Theory, MemberData(nameof(Tamperings))]
    public void Only_a_fresh_answer_signed_by_the_known_platform_key_verifies(string tampering, string? rejection)
    {
        using var platform = AlipayProtocolTests.TestKey();
        using var stranger = RSA.Create(2048);
        const string body = """{"code_url":"weixin://wxpay/bizpayurl?pr=JyC91EIz1"}""";
        var signedAt = tampering switch
        {
            "signed six minutes ago" => Now.AddMinutes(-6),
            "signed five minutes ahead" => Now.AddMinutes(5),
            _ => Now,
        };
        var headers = WeChatPayProtocol.SignedHeaders(body, "PUB_KEY_ID_1", tampering == "another key" ? stranger : platform, signedAt);
        switch (tampering)
        {
            case "no nonce": headers.Remove(WeChatPayProtocol.NonceHeader); break;
            case "a signature probe": headers[WeChatPayProtocol.SignatureHeader] = "WECHATPAY/SIGNTEST/" + headers[WeChatPayProtocol.SignatureHeader]; break;
            case "an unknown serial": headers[WeChatPayProtocol.SerialHeader] = "PUB_KEY_ID_OTHER"; break;
            case "a timestamp that is not a number": headers[WeChatPayProtocol.TimestampHeader] = "17228504x1"; break;
        }

        var result = WeChatPayProtocol.Rejection(headers.GetValueOrDefault, tampering == "the body changed" ? body.Replace("JyC", "XyC") : body,
            new Dictionary<string, RSA> { ["PUB_KEY_ID_1"] = platform }, Now);

        Assert.Equal(rejection, result);
    }
}
