using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Notifications.Sms;

/// <summary>Aliyun dysmsapi <c>SendSms</c> (2017-05-25) as a signed RPC GET.</summary>
public sealed class AliyunSmsSender(HttpClient http, IOptions<SmsOptions> options, TimeProvider clock) : ISmsSender
{
    private const string Method = "GET";

    // TemplateParam travels percent-encoded, so Chinese values stay readable in the JSON itself.
    private static readonly JsonSerializerOptions TemplateJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Templates.TryGetValue(message.TemplateKey, out var template) || string.IsNullOrWhiteSpace(template.Id))
        {
            return SmsSendResult.Failed($"No Aliyun template is configured for '{message.TemplateKey}' (Sms:Templates).");
        }
        var parameters = Parameters(settings.Aliyun, template.Id, message);
        var query = AliyunRpcSigner.SignedQueryString(Method, parameters, settings.Aliyun.AccessKeySecret);
        try
        {
            using var response = await http.GetAsync(new Uri(new Uri(settings.Aliyun.Endpoint), "?" + query), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return Interpret((int)response.StatusCode, body);
        }
        catch (HttpRequestException ex)
        {
            return SmsSendResult.Failed($"Aliyun SMS could not be reached: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SmsSendResult.Failed("Aliyun SMS did not answer in time.");
        }
    }

    private Dictionary<string, string> Parameters(AliyunSmsOptions aliyun, string templateCode, SmsMessage message)
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = aliyun.AccessKeyId,
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["PhoneNumbers"] = PhoneNumber(message.PhoneNumber),
            ["RegionId"] = aliyun.RegionId,
            ["SignName"] = aliyun.SignName,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = Guid.NewGuid().ToString(),
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = templateCode,
            ["Timestamp"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["Version"] = "2017-05-25",
        };
        if (message.Parameters.Count > 0)
        {
            parameters["TemplateParam"] = JsonSerializer.Serialize(message.Parameters, TemplateJson);
        }
        return parameters;
    }

    // Mainland numbers go bare (13912345678); other countries as country code + number, no "+".
    private static string PhoneNumber(string phone) =>
        phone.StartsWith("+86", StringComparison.Ordinal) ? phone[3..] : phone.TrimStart('+');

    private static SmsSendResult Interpret(int status, string body)
    {
        string? code, text, bizId;
        try
        {
            using var json = JsonDocument.Parse(body);
            code = Text(json.RootElement, "Code");
            text = Text(json.RootElement, "Message");
            bizId = Text(json.RootElement, "BizId");
        }
        catch (JsonException)
        {
            return SmsSendResult.Failed($"Aliyun SMS answered HTTP {status} without JSON.");
        }
        return code switch
        {
            null => SmsSendResult.Failed($"Aliyun SMS answered HTTP {status} without a Code."),
            "OK" => SmsSendResult.Sent(bizId),
            _ when IsFlowControl(code) => SmsSendResult.Limited($"{code}: {text}"),
            _ => SmsSendResult.Failed($"{code}: {text}"),
        };
    }

    // Flow control is isv.BUSINESS_LIMIT_CONTROL (minute/hour/day per number), isv.DAY_LIMIT_CONTROL and
    // the API's Throttling.*; other *_LIMIT codes (PARAM_LENGTH_LIMIT, MOBILE_COUNT_OVER_LIMIT,
    // BLACK_KEY_CONTROL_LIMIT) are request errors that waiting will not fix.
    private static bool IsFlowControl(string code) =>
        code.Contains("BUSINESS_LIMIT", StringComparison.Ordinal)
        || code.Contains("DAY_LIMIT_CONTROL", StringComparison.Ordinal)
        || code.StartsWith("Throttling", StringComparison.Ordinal);

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) ? value.ToString() : null;
}
