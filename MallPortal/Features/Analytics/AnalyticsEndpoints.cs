using MallPortal.Core.Accounts;
using MallPortal.Core.Analytics;
using MallPortal.Core.Common;
using MallPortal.Hosting;
using MallPortal.Resources;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace MallPortal.Features.Analytics;

/// <summary>
/// 导出: a drill's orders, a breakdown or a trend as CSV (UTF-8 with BOM, so Excel shows the Chinese) or as an Excel
/// workbook. Rows are read in batches and written as they come, so a long range is never held in memory.
/// </summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/analytics/export").RequireAuthorization(p => p.RequireRole(Roles.Merchant, Roles.Admin));
        group.MapGet("/orders", (HttpContext context, SalesDrillQueries queries, BusinessTimeZone zone) =>
            ExportAsync(context, UiText.SalesExportOrders, async (actor, drill) =>
                (await queries.StreamAsync(actor, drill, context.RequestAborted)).Select(row => SalesOrderExportRow.Of(row, zone))));
        group.MapGet("/breakdown", (HttpContext context, SalesQueries queries) =>
            ExportAsync(context, UiText.SalesExportBreakdown, async (actor, drill) =>
                (drill.Dimension == SalesDimension.Total ? await queries.ShopsAsync(actor, drill.Range, context.RequestAborted)
                    : await queries.BreakdownAsync(actor, drill.ShopId, drill.Range, drill.Dimension, null, context.RequestAborted))
                .Select(r => SalesFigureExportRow.Of(SalesLabels.Name(drill.Dimension, r), r.Orders, r.Units, r.SalesFen, r.RefundFen))));
        group.MapGet("/trend", (HttpContext context, SalesQueries queries, string? granularity) =>
            ExportAsync(context, UiText.SalesTrend, async (actor, drill) =>
            {
                var bucket = Enum.TryParse<Granularity>(granularity, out var g) ? g : (Granularity?)null;
                var overview = await queries.OverviewAsync(actor, drill.ShopId, drill.Range, drill.Range.Before(), bucket, context.RequestAborted);
                return overview.Trend.Select(p => SalesFigureExportRow.Of(SalesLabels.Bucket(p.Start, overview.Granularity), p.Orders, 0, p.SalesFen, p.RefundFen));
            }));
        group.MapGet("/commission", (HttpContext context, CommissionQueries queries, string? table) =>
            ExportAsync(context, UiText.CaNav, async (actor, drill) => CommissionExportRow.Of(await queries.ReportAsync(actor, drill.ShopId, drill.Range,
                cancellationToken: context.RequestAborted), table)));
        group.MapGet("/distributors", (HttpContext context, DistributorPerformanceQueries queries) =>
            ExportAsync(context, UiText.PerfLeaderboard, async (actor, drill) =>
                (await queries.BoardAsync(actor, drill.ShopId, drill.Range, context.RequestAborted)).Leaders.Select(DistributorExportRow.Of)));
        group.MapGet("/distributors/regions", (HttpContext context, DistributorPerformanceQueries queries) =>
            ExportAsync(context, UiText.PerfByRegion, async (actor, drill) =>
                (await queries.BoardAsync(actor, drill.ShopId, drill.Range, context.RequestAborted)).ByRegion
                .Select(r => SalesFigureExportRow.Of(r.Name, r.Orders, r.Units, r.SalesFen, r.RefundFen))));
        group.MapGet("/distributor", (HttpContext context, DistributorPerformanceQueries queries, int id, string? granularity, string? table) =>
            ExportAsync(context, UiText.PerfReport, async (actor, drill) =>
            {
                var bucket = Enum.TryParse<Granularity>(granularity, out var g) ? g : Granularity.Month;
                return ReportRows(await queries.ReportAsync(actor, drill.ShopId, id, bucket, drill.Range, context.RequestAborted), table);
            }));
        endpoints.MapGet("/analytics/export/mine", (HttpContext context, DistributorPerformanceQueries queries, string? granularity, string? table) =>
            ExportAsync(context, UiText.PerfMine, async (actor, drill) =>
            {
                var bucket = Enum.TryParse<Granularity>(granularity, out var g) ? g : Granularity.Month;
                return ReportRows(await queries.MineAsync(actor, bucket, drill.Range, context.RequestAborted), table);
            })).RequireAuthorization(p => p.RequireRole(Roles.Distributor));
        return endpoints;
    }

    private static async Task<IResult> ExportAsync<T>(HttpContext context, string title, Func<Actor, SalesDrill, Task<T>> rows) where T : notnull
    {
        var query = context.Request.Query;
        var excel = query["format"] == "xlsx";
        T data;
        SalesDrill drill;
        try
        {
            drill = SalesLinks.Parse(query["dim"], query["key"], query["from"], query["to"], int.TryParse(query["shop"], out var shop) ? shop : null);
            data = await rows(context.User.ToActor(), drill);
        }
        catch (DomainException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        var name = $"{title}-{SalesLabels.Of(drill.Dimension)}-{drill.Range.From:yyyyMMdd}-{drill.Range.To:yyyyMMdd}.{(excel ? "xlsx" : "csv")}";
        context.Response.ContentType = excel ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = name }.ToString();
        // MiniExcel closes the workbook's zip with one synchronous write; the rows themselves are written asynchronously.
        context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        await context.Response.Body.SaveAsAsync(data, sheetName: title, excelType: excel ? ExcelType.XLSX : ExcelType.CSV,
            cancellationToken: context.RequestAborted);
        return Results.Empty;
    }

    /// <summary>A distributor report's trend (by its buckets) or its product mix, as export rows.</summary>
    private static IEnumerable<SalesFigureExportRow> ReportRows(DistributorReport report, string? table) => table == "mix"
        ? report.Mix.Select(r => SalesFigureExportRow.Of(r.Name, r.Orders, r.Units, r.SalesFen, r.RefundFen))
        : report.Trend.Select(p => SalesFigureExportRow.Of(SalesLabels.Bucket(p.Start, report.Granularity), p.Orders, 0, p.SalesFen, p.RefundFen));
}
