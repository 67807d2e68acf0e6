using System.Globalization;
using MallPortal.Core.Analytics;
using MallPortal.Core.Common;
using MallPortal.Resources;

namespace MallPortal.Features.Analytics;

/// <summary>The query string that carries a drill (a figure's orders) to the order list page and to the exports.</summary>
public static class SalesLinks
{
    public static string Query(SalesDrill drill) =>
        $"dim={drill.Dimension}&key={Uri.EscapeDataString(drill.Key)}&from={drill.Range.From:yyyy-MM-dd}&to={drill.Range.To:yyyy-MM-dd}"
        + (drill.ShopId is { } id ? $"&shop={id}" : "");

    /// <summary>A link someone may have edited by hand: a bad dimension or date is refused with a message, and the range
    /// is checked like any other (reversed, absurd).</summary>
    public static SalesDrill Parse(string? dim, string? key, string? from, string? to, int? shop)
    {
        if (!Enum.TryParse<SalesDimension>(dim, out var dimension) || !Enum.IsDefined(dimension))
        {
            throw new DomainException(UiText.SalesBadLink);
        }
        return new SalesDrill(shop, DateRange.Checked(Day(from), Day(to)), dimension, key ?? "");
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
