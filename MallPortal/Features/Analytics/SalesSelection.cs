using MallPortal.Core.Analytics;

namespace MallPortal.Features.Analytics;

/// <summary>What the period picker chose: the period, what it is compared with (环比, or another promotion period) and its name.</summary>
public sealed record SalesSelection(PeriodKind Kind, DateRange Range, DateRange Previous, string Label, string PreviousLabel)
{
    public static SalesSelection Of(PeriodKind kind, DateOnly today)
    {
        var range = SalesPeriods.Of(kind, today);
        return new SalesSelection(kind, range, SalesPeriods.Previous(kind, range), SalesLabels.Of(kind), Resources.UiText.SalesVsPrevious);
    }

    public static SalesSelection Custom(DateRange range, string? label = null) =>
        new(PeriodKind.Custom, range, range.Before(), label ?? range.ToString(), Resources.UiText.SalesVsPrevious);

    /// <summary>The query string of the order list behind a figure of this period.</summary>
    public string Query(SalesDimension dimension, string key, int? shopId) => SalesLinks.Query(new SalesDrill(shopId, Range, dimension, key));
}
