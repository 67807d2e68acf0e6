using System.Text.RegularExpressions;

namespace MallPortal.Core.Notifications;

/// <summary>
/// The Chinese texts of one event, with {placeholders}. <see cref="SecretParameter"/> names the
/// value (a verification code) that is masked wherever a message is shown to staff.
/// </summary>
public sealed partial record NotificationTemplate(
    string Key,
    NotificationCategory Category,
    string Title,
    string Body,
    string? SmsText = null,
    string? EmailSubject = null,
    string? EmailBody = null,
    string? SecretParameter = null)
{
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
