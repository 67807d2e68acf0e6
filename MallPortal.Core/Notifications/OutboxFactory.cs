using System.Text.Json;
using System.Text.Encodings.Web;

namespace MallPortal.Core.Notifications;

/// <summary>Turns a template and its values into the SMS and e-mail rows for one recipient.</summary>
internal static class OutboxFactory
{
    private const string Mask = "******";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<OutboxMessage> Create(NotificationTemplate template, IReadOnlyDictionary<string, string> values,
        string? phone, string? email, int? userId, DateTime now)
    {
        var masked = template.SecretParameter is { } secret && values.ContainsKey(secret)
            ? new Dictionary<string, string>(values) { [secret] = Mask }
            : values;
        if (template.SmsText is not null && !string.IsNullOrEmpty(phone))
        {
            var sms = new OutboxMessage(NotificationChannel.Sms, phone, template.Key, null,
                NotificationTemplate.Fill(template.SmsText, values), NotificationTemplate.Fill(template.SmsText, masked), userId, now);
            sms.SetParameters(JsonSerializer.Serialize(values, Json));
            yield return sms;
        }
        if (template.EmailSubject is not null && template.EmailBody is not null && !string.IsNullOrEmpty(email))
        {
            // Subjects never carry a secret (a test holds every template to that), so the sent one is shown as is.
            yield return new OutboxMessage(NotificationChannel.Email, email, template.Key,
                NotificationTemplate.Fill(template.EmailSubject, values),
                NotificationTemplate.Fill(template.EmailBody, values), NotificationTemplate.Fill(template.EmailBody, masked), userId, now);
        }
    }
}
