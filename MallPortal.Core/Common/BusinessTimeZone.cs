namespace MallPortal.Core.Common;

/// <summary>
/// Times are stored in UTC and shown (and bucketed by day) in the business time zone,
/// <c>Business:TimeZone</c>, default Asia/Shanghai.
/// </summary>
public sealed class BusinessTimeZone(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public static BusinessTimeZone FromId(string? id) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? "Asia/Shanghai" : id));

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC moment a business-local day begins.</summary>
    public DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>A business-local date and time someone typed, as UTC.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public string Format(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm");
}
