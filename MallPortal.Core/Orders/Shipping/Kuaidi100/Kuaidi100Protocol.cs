using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MallPortal.Core.Orders.Shipping.Kuaidi100;

/// <summary>
/// The Kuaidi100 subscription-and-push protocol (reference §7.1): the push signature, the push body, the answers, and
/// its state codes as this shop's trace states.
/// </summary>
public static class Kuaidi100Protocol
{
    /// <summary>The only answer Kuaidi100 takes as "received"; anything else is retried 3 times, 35 minutes apart.</summary>
    public const string Acknowledgement = """{"result":true,"returnCode":"200","message":"成功"}""";

    public const string Refusal = """{"result":false,"returnCode":"500","message":"签名错误或运单不符"}""";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>sign = UPPER(hex(MD5(param + salt))) over the raw param text.</summary>
    public static string Sign(string param, string salt) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(param + salt)));

    public static bool Verify(string? param, string? sign, string salt) =>
        param is not null && sign is not null && sign.Length == 32
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(param, salt)), Encoding.ASCII.GetBytes(sign.ToUpperInvariant()));

    public static PushParam? ParsePush(string param)
    {
        try
        {
            return JsonSerializer.Deserialize<PushParam>(param, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件, 6 退回, 7 转投, 10–13 清关, 14 拒签.</summary>
    public static TraceState StateOf(string? code) => code switch
    {
        "1" => TraceState.PickedUp,
        "2" or "13" => TraceState.Problem,
        "3" => TraceState.Signed,
        "4" or "6" => TraceState.Returned,
        "5" => TraceState.OutForDelivery,
        "14" => TraceState.Refused,
        _ => TraceState.InTransit,
    };

    private static readonly Dictionary<string, string> Words = new()
    {
        ["在途"] = "0", ["揽收"] = "1", ["疑难"] = "2", ["签收"] = "3", ["退签"] = "4", ["派件"] = "5", ["退回"] = "6", ["转投"] = "7", ["拒签"] = "14",
    };

    /// <summary>A scan's own state, when the push carries one (statusCode, or the word in status).</summary>
    public static TraceState? StateOfScan(PushScan scan) =>
        !string.IsNullOrEmpty(scan.StatusCode) ? StateOf(scan.StatusCode)
        : scan.Status is { } word && Words.TryGetValue(word, out var code) ? StateOf(code) : null;

    public static string WordOf(string code) => Words.FirstOrDefault(w => w.Value == code).Key ?? "在途";

    public static string CodeOf(TraceState state) => state switch
    {
        TraceState.PickedUp => "1",
        TraceState.Problem => "2",
        TraceState.Signed => "3",
        TraceState.Returned => "6",
        TraceState.OutForDelivery => "5",
        TraceState.Refused => "14",
        _ => "0",
    };

    /// <summary>Scan times come as China local time ("2026-12-05 10:12:30"); stored as UTC.</summary>
    public static DateTime? ParseTime(string? text, TimeZoneInfo zone) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone)
            : null;

    public static string FormatTime(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>The push's param: polling / shutdown / abort / updateall, and the full history, newest first.</summary>
public sealed record PushParam(string? Status, string? Message, PushResult? LastResult);

public sealed record PushResult(string? State, [property: JsonPropertyName("ischeck")] string? IsCheck, string? Com, string? Nu, IReadOnlyList<PushScan>? Data);

/// <summary>One scan; with resultv2 it names its own state (statusCode, and status in words).</summary>
public sealed record PushScan(string? Time, string? Ftime, string? Context, string? AreaName, string? Status, string? StatusCode);

/// <summary>The subscription request's param (schema=json).</summary>
public sealed record SubscribeParam(string Company, string Number, string Key, string? To, SubscribeParameters Parameters);

public sealed record SubscribeParameters(string Callbackurl, string Salt, string Resultv2, string? Phone);

/// <summary>The subscription's answer: 200 submitted, 501 already polling, 600/601 key, 700–702 bad data or carrier, 500 server.</summary>
public sealed record SubscribeAnswer(bool Result, string? ReturnCode, string? Message);
