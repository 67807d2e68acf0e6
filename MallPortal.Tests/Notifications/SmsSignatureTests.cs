using MallPortal.Core.Notifications.Sms;

namespace MallPortal.Tests.Notifications;

public class SmsSignatureTests
{
    // Tencent's published CVM DescribeInstances example (API 3.0 "Signature v3").
    private const string CvmBody = """{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}""";

    private static readonly TencentTc3Request CvmExample =
        new("cvm", "cvm.tencentcloudapi.com", "DescribeInstances", 1551113065, CvmBody)
        {
            SignedHeaders = TencentTc3Signer.ContentTypeAndHost,
        };

    [Fact]
    public void Aliyun_signature_matches_the_official_SendSms_example()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testId",
            ["Action"] = "SendSms",
            ["Format"] = "XML",
            ["OutId"] = "123",
            ["PhoneNumbers"] = "15300000001",
            ["RegionId"] = "cn-hangzhou",
            ["SignName"] = "阿里云短信测试专用",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466",
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = "SMS_71390007",
            ["TemplateParam"] = """{"customer":"test"}""",
            ["Timestamp"] = "2017-07-12T02:42:19Z",
            ["Version"] = "2017-05-25",
        };

        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", AliyunRpcSigner.Sign("GET", parameters, "testSecret"));
    }

    [Fact]
    public void Aliyun_signature_matches_the_official_DescribeRegions_example()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid",
            ["Action"] = "DescribeRegions",
            ["Format"] = "XML",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            ["SignatureVersion"] = "1.0",
            ["Timestamp"] = "2016-02-23T12:46:24Z",
            ["Version"] = "2014-05-26",
        };

        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AliyunRpcSigner.Sign("GET", parameters, "testsecret"));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a*b", "a%2Ab")]
    [InlineData("a~b-_.", "a~b-_.")]
    [InlineData("a+b/c=d&e", "a%2Bb%2Fc%3Dd%26e")]
    [InlineData("短信", "%E7%9F%AD%E4%BF%A1")]
    public void Aliyun_percent_encoding_follows_RFC_3986(string value, string expected)
    {
        Assert.Equal(expected, AliyunRpcSigner.PercentEncode(value));
    }

    [Fact]
    public void Aliyun_canonical_query_is_sorted_by_key_and_leaves_out_an_existing_signature()
    {
        var parameters = new Dictionary<string, string> { ["b"] = "2", ["Signature"] = "old", ["a"] = "x y", ["B"] = "1" };

        Assert.Equal("B=1&a=x%20y&b=2", AliyunRpcSigner.CanonicalQueryString(parameters));
        Assert.Equal(
            "B=1&a=x%20y&b=2&Signature=" + AliyunRpcSigner.PercentEncode(AliyunRpcSigner.Sign("GET", parameters, "k")),
            AliyunRpcSigner.SignedQueryString("GET", parameters, "k"));
    }

    [Fact]
    public void Tencent_body_hash_matches_the_official_CVM_example()
    {
        Assert.Equal("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", TencentTc3Signer.HexSha256(CvmBody));
    }

    [Fact]
    public void Tencent_canonical_request_hash_matches_the_official_CVM_example()
    {
        Assert.Equal(
            "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
            TencentTc3Signer.HexSha256(TencentTc3Signer.CanonicalRequest(CvmExample)));
    }

    [Theory]
    [InlineData("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168")]
    [InlineData("Gu5t9xGARNpq86cd98joQYCN3*******", "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c")]
    public void Tencent_signature_matches_the_official_CVM_example(string secretKey, string expected)
    {
        Assert.Equal(expected, TencentTc3Signer.Signature(CvmExample, secretKey));
    }

    [Fact]
    public void Tencent_string_to_sign_is_scoped_to_the_UTC_date_and_service()
    {
        Assert.Equal(
            "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
            + "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
            TencentTc3Signer.StringToSign(CvmExample));
    }

    [Fact]
    public void Tencent_authorization_header_names_the_credential_scope_and_signed_headers()
    {
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
            + "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
            TencentTc3Signer.Authorization(CvmExample, "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"));
    }

    [Fact]
    public void Tencent_canonical_request_signing_the_action_matches_the_newer_CVM_example()
    {
        var withAction = CvmExample with { SignedHeaders = TencentTc3Signer.ContentTypeHostAndAction };

        Assert.EndsWith(
            "host:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n"
            + "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
            TencentTc3Signer.CanonicalRequest(withAction));
        Assert.Equal(
            "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84",
            TencentTc3Signer.HexSha256(TencentTc3Signer.CanonicalRequest(withAction)));
    }
}
