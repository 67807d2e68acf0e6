using System.Net;
using System.Text;
using MallPortal.Core.Notifications.Sms;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MallPortal.Tests.Notifications;

public class SmsSenderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 30, 5, TimeSpan.Zero);

    // Deliberately not in template order, so TemplateParamSet must follow Sms:Templates.
    private static readonly SmsMessage Code = new("13912345678", "verification-code",
        new Dictionary<string, string> { ["minutes"] = "5", ["code"] = "246810" }, "您的验证码是246810，5分钟内有效。");

    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public async Task Aliyun_sends_signed_SendSms_parameters_and_OK_is_sent_with_the_BizId()
    {
        var handler = new FakeHandler("""{"Code":"OK","Message":"OK","BizId":"9006197469364984^0"}""");

        var result = await Aliyun(handler).SendAsync(Code);

        Assert.True(result.Succeeded);
        Assert.Equal("9006197469364984^0", result.ProviderMessageId);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("dysmsapi.aliyuncs.com", sent.Uri.Host);
        var query = sent.Uri.Query.TrimStart('?').Split('&').Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair[1]));
        Assert.Equal("SendSms", query["Action"]);
        Assert.Equal("2017-05-25", query["Version"]);
        Assert.Equal("JSON", query["Format"]);
        Assert.Equal("13912345678", query["PhoneNumbers"]);
        Assert.Equal("多商户商城", query["SignName"]);
        Assert.Equal("SMS_123456", query["TemplateCode"]);
        Assert.Equal("""{"minutes":"5","code":"246810"}""", query["TemplateParam"]);
        Assert.Equal("2026-11-26T08:30:05Z", query["Timestamp"]);
        Assert.True(Guid.TryParse(query["SignatureNonce"], out _));
        var signature = query["Signature"];
        query.Remove("Signature");
        Assert.Equal(AliyunRpcSigner.Sign("GET", query, "aliyun-secret"), signature);
        Assert.Equal("/?" + AliyunRpcSigner.SignedQueryString("GET", query, "aliyun-secret"), sent.Uri.PathAndQuery);
    }

    [Theory]
    [InlineData("isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1", true)]
    [InlineData("isv.DAY_LIMIT_CONTROL", "触发日发送限额", true)]
    [InlineData("isv.PARAM_LENGTH_LIMIT", "参数超出长度限制", false)]
    [InlineData("SignatureDoesNotMatch", "Specified signature is not matched", false)]
    public async Task Aliyun_flow_control_is_rate_limited_and_other_codes_fail(string code, string message, bool limited)
    {
        var handler = new FakeHandler($$"""{"Code":"{{code}}","Message":"{{message}}"}""", HttpStatusCode.BadRequest);

        var result = await Aliyun(handler).SendAsync(Code);

        Assert.False(result.Succeeded);
        Assert.Equal(limited, result.RateLimited);
        Assert.Equal($"{code}: {message}", result.Error);
    }

    [Fact]
    public async Task Tencent_sends_a_signed_SendSms_request_and_Ok_is_sent_with_the_SerialNo()
    {
        var handler = new FakeHandler(TencentStatus("Ok"));

        var result = await Tencent(handler).SendAsync(Code);

        Assert.True(result.Succeeded);
        Assert.Equal("2433:338999591815056298", result.ProviderMessageId);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("SendSms", sent.Headers["X-TC-Action"]);
        Assert.Equal("2021-01-11", sent.Headers["X-TC-Version"]);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(), sent.Headers["X-TC-Timestamp"]);
        Assert.Equal("ap-guangzhou", sent.Headers["X-TC-Region"]);
        Assert.Equal("application/json; charset=utf-8", sent.Headers["Content-Type"]);
        Assert.Equal(
            """{"PhoneNumberSet":["+8613912345678"],"SmsSdkAppId":"1400006666","TemplateId":"1110","SignName":"多商户商城","TemplateParamSet":["246810","5"]}""",
            sent.Body);
        var signed = new TencentTc3Request("sms", "sms.tencentcloudapi.com", "SendSms", Now.ToUnixTimeSeconds(), sent.Body);
        Assert.Equal(TencentTc3Signer.Authorization(signed, "tencent-id", "tencent-key"), sent.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("""{"Response":{"SendStatusSet":[{"SerialNo":"","Code":"LimitExceeded.PhoneNumberDailyLimit","Message":"daily limit"}],"RequestId":"r"}}""", true)]
    [InlineData("""{"Response":{"Error":{"Code":"LimitExceeded.PhoneNumberDailyLimit","Message":"daily limit"},"RequestId":"r"}}""", true)]
    [InlineData("""{"Response":{"SendStatusSet":[{"SerialNo":"","Code":"FailedOperation.TemplateIncorrectOrUnapproved","Message":"no"}],"RequestId":"r"}}""", false)]
    [InlineData("""{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"no"},"RequestId":"r"}}""", false)]
    public async Task Tencent_limit_codes_are_rate_limited_and_other_codes_fail(string response, bool limited)
    {
        var result = await Tencent(new FakeHandler(response)).SendAsync(Code);

        Assert.False(result.Succeeded);
        Assert.Equal(limited, result.RateLimited);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task An_unknown_template_key_fails_without_calling_the_provider()
    {
        var handler = new FakeHandler("{}");
        var message = Code with { TemplateKey = "no-such-template" };

        var aliyun = await Aliyun(handler).SendAsync(message);
        var tencent = await Tencent(handler).SendAsync(message);

        Assert.Contains("no-such-template", aliyun.Error);
        Assert.Contains("no-such-template", tencent.Error);
        Assert.False(aliyun.RateLimited || tencent.RateLimited);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_network_failure_fails_but_a_cancelled_send_throws()
    {
        var handler = new FakeHandler("{}") { Failure = new HttpRequestException("connection refused") };

        Assert.Contains("connection refused", (await Aliyun(handler).SendAsync(Code)).Error);
        Assert.Contains("connection refused", (await Tencent(handler).SendAsync(Code)).Error);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Tencent(new FakeHandler("{}")).SendAsync(Code, new CancellationToken(canceled: true)));
    }

    private AliyunSmsSender Aliyun(FakeHandler handler) => new(new HttpClient(handler), Settings("SMS_123456"), _clock);

    private TencentSmsSender Tencent(FakeHandler handler) => new(new HttpClient(handler), Settings("1110"), _clock);

    private static IOptions<SmsOptions> Settings(string templateId) => Options.Create(new SmsOptions
    {
        Aliyun = { AccessKeyId = "aliyun-id", AccessKeySecret = "aliyun-secret", SignName = "多商户商城" },
        Tencent = { SecretId = "tencent-id", SecretKey = "tencent-key", SdkAppId = "1400006666", SignName = "多商户商城" },
        Templates = { ["verification-code"] = new() { Id = templateId, Parameters = ["code", "minutes"] } },
    });

    private static string TencentStatus(string code) =>
        $$$"""{"Response":{"SendStatusSet":[{"SerialNo":"2433:338999591815056298","PhoneNumber":"+8613912345678","Fee":1,"Code":"{{{code}}}","Message":"send success","IsoCode":"CN"}],"RequestId":"r"}}""";

    private sealed record SentRequest(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers, string Body);

    private sealed class FakeHandler(string responseBody, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public List<SentRequest> Requests { get; } = [];

        public Exception? Failure { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value));
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new SentRequest(request.Method, request.RequestUri!, headers, body));
            return Failure is null
                ? new HttpResponseMessage(status) { Content = new StringContent(responseBody, Encoding.UTF8, "application/json") }
                : throw Failure;
        }
    }
}
