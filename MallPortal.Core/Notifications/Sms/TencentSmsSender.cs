using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Notifications.Sms;

/// <summary>Tencent Cloud SMS <c>SendSms</c> (2021-01-11), a JSON POST signed with TC3-HMAC-SHA256.</summary>
public sealed class TencentSmsSender(HttpClient http, IOptions<SmsOptions> options, TimeProvider clock) : ISmsSender
{
    private const string Action = "SendSms";

    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Templates.TryGetValue(message.TemplateKey, out var template) || string.IsNullOrWhiteSpace(template.Id))
        {
            return SmsSendResult.Failed($"No Tencent template is configured for '{message.TemplateKey}' (Sms:Templates).");
        }
        var missing = template.Parameters.FirstOrDefault(name => !message.Parameters.ContainsKey(name));
        if (missing is not null)
        {
            return SmsSendResult.Failed($"Template '{message.TemplateKey}' needs parameter '{missing}'.");
        }
        try
        {
            using var request = Request(settings.Tencent, Body(settings.Tencent, template, message));
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return Interpret((int)response.StatusCode, body);
        }
        catch (HttpRequestException ex)
        {
            return SmsSendResult.Failed($"Tencent SMS could not be reached: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SmsSendResult.Failed("Tencent SMS did not answer in time.");
        }
    }

    private static string Body(TencentSmsOptions tencent, SmsTemplateOptions template, SmsMessage message) =>
        JsonSerializer.Serialize(new
        {
            PhoneNumberSet = new[] { PhoneNumber(message.PhoneNumber) },
            SmsSdkAppId = tencent.SdkAppId,
            TemplateId = template.Id,
            SignName = tencent.SignName,
            TemplateParamSet = template.Parameters.Select(name => message.Parameters[name]).ToArray(),
        }, BodyJson);

    private HttpRequestMessage Request(TencentSmsOptions tencent, string body)
    {
        var endpoint = new Uri(tencent.Endpoint);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var signed = new TencentTc3Request("sms", endpoint.Authority, Action, timestamp, body);
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        // The server checks the Content-Type it receives against the one signed, byte for byte.
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(signed.ContentType);
        request.Headers.Add("X-TC-Action", Action);
        request.Headers.Add("X-TC-Version", "2021-01-11");
        request.Headers.Add("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-TC-Region", tencent.Region);
        request.Headers.TryAddWithoutValidation(
            "Authorization", TencentTc3Signer.Authorization(signed, tencent.SecretId, tencent.SecretKey));
        return request;
    }

    // Stored numbers are 11-digit mainland mobiles; Tencent wants E.164.
    private static string PhoneNumber(string phone) => phone.StartsWith('+') ? phone : "+86" + phone;

    private static SmsSendResult Interpret(int status, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("Response", out var response))
            {
                return SmsSendResult.Failed($"Tencent SMS answered HTTP {status} without a Response.");
            }
            if (response.TryGetProperty("Error", out var error))
            {
                return Outcome(Text(error, "Code"), Text(error, "Message"), null);
            }
            if (!response.TryGetProperty("SendStatusSet", out var set) || set.GetArrayLength() == 0)
            {
                return SmsSendResult.Failed($"Tencent SMS answered HTTP {status} without a send status.");
            }
            var first = set[0];
            return Outcome(Text(first, "Code"), Text(first, "Message"), Text(first, "SerialNo"));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return SmsSendResult.Failed($"Tencent SMS answered HTTP {status} with an unexpected body.");
        }
    }

    private static SmsSendResult Outcome(string? code, string? text, string? serialNo) => code switch
    {
        "Ok" => SmsSendResult.Sent(serialNo),
        _ when IsFlowControl(code) => SmsSendResult.Limited($"{code}: {text}"),
        _ => SmsSendResult.Failed($"{code}: {text}"),
    };

    // LimitExceeded.* are frequency and daily caps, except too many numbers in one request and a
    // country outside the allow-list, which waiting will not fix.
    private static bool IsFlowControl(string? code) =>
        code is not null
        && code.StartsWith("LimitExceeded", StringComparison.Ordinal)
        && code is not ("LimitExceeded.PhoneNumberCountLimit" or "LimitExceeded.AppCountryOrRegionInBlacklist");

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ToString() : null;
}
