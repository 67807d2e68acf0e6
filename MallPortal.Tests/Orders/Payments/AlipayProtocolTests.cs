using System.Security.Cryptography;
using System.Text;
using MallPortal.Core.Common;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Alipay;

namespace MallPortal.Tests.Orders.Payments;

/// <summary>Alipay's signing rules and formats against known answers (reference: payments-logistics.md §2, vectors/).</summary>
public class AlipayProtocolTests
{
    // WeChat Pay's published SHA256withRSA vector: the same primitive as Alipay's RSA2.
    private const string SourceSignature =
        "BKyAfU4iMCuvXMXS0Wzam3V/cnxZ+JaqigPM5OhljS2iOT95OO6Fsuml2JkFANJU9K6q9bLlDhPXuoVz+pp4hAm6pHU4ld815U4jsKu1RkyaII+1CYBUYC8TK0XtJ8FwUXXz8vZHh58rrAVN1XwNyvD1vfpxrMT4SL536GLwvpUHlCqIMzoZUguLli/K8V29QiOhuH6IEqLNJn8e9b3nwNcQ7be3CzYGpDAKBfDGPCqCv8Rw5zndhlffk2FEA70G4hvMwe51qMN/RAJbknXG23bSlObuTCN7Ndj1aJGH6/L+hdwfLpUtJm4QYVazzW7DFD27EpSQEqA8bX9+8m1rLg==";

    public static RSA TestKey() => GatewayKeys.PrivateRsa(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Orders", "Payments", "Vectors", "wechatpay-test-key.pem")));

    [Fact]
    public void RSA2_signs_the_published_vector_and_verifies_only_the_same_text()
    {
        using var key = TestKey();

        Assert.Equal(SourceSignature, AlipayProtocol.Sign("source", key));
        Assert.True(AlipayProtocol.Verify("source", SourceSignature, key));
        Assert.False(AlipayProtocol.Verify("source ", SourceSignature, key));
        Assert.False(AlipayProtocol.Verify("source", "not base64!", key));
        Assert.False(AlipayProtocol.Verify("source", null, key));
    }

    [Fact]
    public void A_request_signs_every_field_but_sign_and_a_notification_leaves_out_sign_type_too()
    {
        var fields = new Dictionary<string, string>
        {
            ["timestamp"] = "2026-12-05 10:00:00",
            ["app_id"] = "2021000000000001",
            ["biz_content"] = """{"out_trade_no":"P1","subject":"蓝牙音箱"}""",
            ["sign_type"] = "RSA2",
            ["empty"] = "",
            ["sign"] = "ignored",
            ["Zeta"] = "upper case sorts first",
        };

        Assert.Equal("""Zeta=upper case sorts first&app_id=2021000000000001&biz_content={"out_trade_no":"P1","subject":"蓝牙音箱"}&sign_type=RSA2&timestamp=2026-12-05 10:00:00""",
            SignContent.Of(fields, "sign"));
        using var key = TestKey();
        fields["sign"] = AlipayProtocol.SignNotification(fields, key);
        Assert.True(AlipayProtocol.VerifyNotification(fields, key));
        fields["sign_type"] = "RSA";
        Assert.True(AlipayProtocol.VerifyNotification(fields, key)); // not signed: the gateway checks it is RSA2 separately
        fields["subject"] = "added after signing";
        Assert.False(AlipayProtocol.VerifyNotification(fields, key));
    }

    [Theory]
    [InlineData("20.00", 2000L)]
    [InlineData("0.01", 1L)]
    [InlineData("12.3", 1230L)]
    [InlineData("100000000.00", 10_000_000_000L)]
    [InlineData("12.345", null)]
    [InlineData("-1.00", null)]
    [InlineData("1e3", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("100000000.01", null)]
    public void Yuan_text_becomes_fen_exactly_or_nothing(string? text, long? fen)
    {
        Assert.Equal(fen, AlipayProtocol.ParseYuan(text)?.Fen);
        if (fen is { } value)
        {
            Assert.Equal(value, AlipayProtocol.ParseYuan(AlipayProtocol.Yuan(new Money(value)))!.Value.Fen);
        }
    }

    [Fact]
    public void China_time_is_eight_hours_ahead_of_UTC()
    {
        var utc = new DateTimeOffset(2026, 12, 5, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal("2026-12-06 00:30:00", AlipayProtocol.ChinaTime(utc));
        Assert.Equal(utc, AlipayProtocol.ParseChinaTime("2026-12-06 00:30:00"));
    }

    [Fact]
    public void An_answers_signed_text_is_its_nodes_raw_json_as_written()
    {
        const string node = """{"code":"10000","msg":"Success","url":"https:\/\/x.cn\/a","detail":{"a":[1,{"b":"}"}]}}""";
        var answer = Encoding.UTF8.GetBytes($$"""{"alipay_trade_query_response":{{node}},"sign":"abc=="}""");

        Assert.Equal((node, "abc=="), AlipayProtocol.SignedNode(answer, "alipay_trade_query_response"));
        Assert.Null(AlipayProtocol.SignedNode(answer, "alipay_trade_refund_response"));
        var twice = Encoding.UTF8.GetBytes($$"""{"alipay_trade_query_response":{{node}},"alipay_trade_query_response":{},"sign":"x"}""");
        Assert.Null(AlipayProtocol.SignedNode(twice, "alipay_trade_query_response"));
    }

    [Fact]
    public void A_signed_answer_verifies_over_its_node()
    {
        using var key = TestKey();
        var answer = AlipayProtocol.SignedAnswer("alipay_trade_close_response", """{"code":"10000","msg":"Success"}""", key);

        var (node, sign) = AlipayProtocol.SignedNode(Encoding.UTF8.GetBytes(answer), "alipay_trade_close_response")!.Value;

        Assert.True(AlipayProtocol.Verify(node, sign, key));
    }
}
