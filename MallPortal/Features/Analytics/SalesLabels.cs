using MallPortal.Core.Analytics;
using MallPortal.Core.Distribution;
using MallPortal.Features.Distribution;
using MallPortal.Features.Orders;
using MallPortal.Resources;

namespace MallPortal.Features.Analytics;

/// <summary>The Chinese names of dimensions, of the keys the page names itself (channels, payments) and of periods.</summary>
public static class SalesLabels
{
    public static string Of(SalesDimension dimension) => dimension switch
    {
        SalesDimension.Category => UiText.SalesByCategory,
        SalesDimension.Brand => UiText.SalesByBrand,
        SalesDimension.Product => UiText.SalesByProduct,
        SalesDimension.Channel => UiText.SalesByChannel,
        SalesDimension.Payment => UiText.SalesByPayment,
        SalesDimension.Province => UiText.SalesByProvince,
        SalesDimension.Distributor => UiText.SalesByDistributor,
        SalesDimension.Grade => UiText.SalesByGrade,
        _ => UiText.SalesAll,
    };

    public static string Name(SalesDimension dimension, string key, string name) => dimension switch
    {
        SalesDimension.Channel when key == "direct" => UiText.SalesChannelDirect,
        SalesDimension.Channel when key == "distributor" => UiText.SalesChannelBound,
        SalesDimension.Channel when Enum.TryParse<ShareChannel>(key, out var channel) => string.Format(UiText.SalesChannelShared, ChannelName.Of(channel)),
        SalesDimension.Payment => PaymentName.Of(key),
        SalesDimension.Total when key.Length == 0 => UiText.SalesAll,
        _ => name.Length > 0 ? name : key,
    };

    public static string Name(SalesDimension dimension, BreakdownRow row) => Name(dimension, row.Key, row.Name);

    public static string Of(PeriodKind kind) => kind switch
    {
        PeriodKind.Today => UiText.SalesToday,
        PeriodKind.Yesterday => UiText.SalesYesterday,
        PeriodKind.Last7 => UiText.SalesLast7,
        PeriodKind.Last30 => UiText.SalesLast30,
        PeriodKind.Week => UiText.SalesThisWeek,
        PeriodKind.Month => UiText.SalesThisMonth,
        PeriodKind.Quarter => UiText.SalesThisQuarter,
        PeriodKind.Year => UiText.SalesThisYear,
        _ => UiText.SalesCustom,
    };

    public static string Of(Granularity granularity) => granularity switch
    {
        Granularity.Week => UiText.SalesByWeek,
        Granularity.Month => UiText.SalesByMonth,
        Granularity.Quarter => UiText.SalesByQuarter,
        Granularity.Year => UiText.SalesByYear,
        _ => UiText.SalesByDay,
    };

    /// <summary>A bucket's label on the time axis: 12-05, 第49周 (12-01), 2026-12, 2026Q4, 2026.</summary>
    public static string Bucket(DateOnly start, Granularity granularity) => granularity switch
    {
        Granularity.Week => string.Format(UiText.SalesWeekOf, start.ToString("MM-dd")),
        Granularity.Month => start.ToString("yyyy-MM"),
        Granularity.Quarter => $"{start.Year}Q{(start.Month - 1) / 3 + 1}",
        Granularity.Year => start.Year.ToString(),
        _ => start.ToString("MM-dd"),
    };

    /// <summary>A ratio in basis points as a percentage (12.34%), or — when there is no base.</summary>
    public static string Percent(int? bp) => bp is { } value ? (value / 100m).ToString("0.##") + "%" : "—";

    /// <summary>A change with its sign (+12.3% / −4.5%), or — when the base period had nothing.</summary>
    public static string Change(int? bp) => bp switch
    {
        null => "—",
        > 0 => "+" + (bp.Value / 100m).ToString("0.#") + "%",
        < 0 => "−" + (-bp.Value / 100m).ToString("0.#") + "%",
        _ => "0%",
    };
}
