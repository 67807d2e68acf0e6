using MallPortal.Core.Analytics;
using MallPortal.Core.Orders;
using MiniExcelLibs.Attributes;

namespace MallPortal.Features.Analytics;

/// <summary>One order of a drill as exported; amounts in yuan with two decimals (exact: fen / 100).</summary>
public sealed record SalesOrderExportRow(
    [property: ExcelColumnName("订单号")] string Number,
    [property: ExcelColumnName("支付时间")] string PaidAt,
    [property: ExcelColumnName("店铺")] string Shop,
    [property: ExcelColumnName("商品")] string Items,
    [property: ExcelColumnName("件数")] int Units,
    [property: ExcelColumn(Name = "金额(元)", Format = "0.00")] decimal Yuan,
    [property: ExcelColumnName("状态")] string Status)
{
    public static SalesOrderExportRow Of(SalesOrderRow row, Core.Common.BusinessTimeZone zone) =>
        new(row.Number, zone.Format(row.PaidAt), row.ShopName, row.Items, row.Units, SalesChartOptions.Yuan(row.AmountFen), OrderText.Status(row.Status));
}

/// <summary>One key of a breakdown, or one bucket of a trend, as exported.</summary>
public sealed record SalesFigureExportRow(
    [property: ExcelColumnName("名称")] string Name,
    [property: ExcelColumnName("支付订单")] int Orders,
    [property: ExcelColumnName("件数")] int Units,
    [property: ExcelColumn(Name = "销售额(元)", Format = "0.00")] decimal Sales,
    [property: ExcelColumn(Name = "退款额(元)", Format = "0.00")] decimal Refunded,
    [property: ExcelColumn(Name = "净销售额(元)", Format = "0.00")] decimal Net)
{
    public static SalesFigureExportRow Of(string name, int orders, int units, long salesFen, long refundFen) =>
        new(name, orders, units, SalesChartOptions.Yuan(salesFen), SalesChartOptions.Yuan(refundFen), SalesChartOptions.Yuan(salesFen - refundFen));
}

/// <summary>One distributor of the leaderboard as exported.</summary>
public sealed record DistributorExportRow(
    [property: ExcelColumnName("分销员")] string Name,
    [property: ExcelColumnName("等级")] string Grade,
    [property: ExcelColumnName("地区")] string Region,
    [property: ExcelColumnName("支付订单")] int Orders,
    [property: ExcelColumnName("客户数")] int Customers,
    [property: ExcelColumn(Name = "销售额(元)", Format = "0.00")] decimal Sales,
    [property: ExcelColumn(Name = "佣金(元)", Format = "0.00")] decimal Commission,
    [property: ExcelColumnName("佣金销售比")] string CommissionRate,
    [property: ExcelColumnName("连续下滑")] string Declining)
{
    public static DistributorExportRow Of(DistributorPerformanceRow row) =>
        new(row.Name, row.Grade, row.Region, row.Orders, row.Customers, SalesChartOptions.Yuan(row.SalesFen), SalesChartOptions.Yuan(row.CommissionFen),
            SalesLabels.Percent(row.CommissionRateBp), row.Declining ? "是" : "");
}

/// <summary>One key (or one bucket of the trend) of 佣金分析 as exported.</summary>
public sealed record CommissionExportRow(
    [property: ExcelColumnName("名称")] string Name,
    [property: ExcelColumn(Name = "销售额(元)", Format = "0.00")] decimal Sales,
    [property: ExcelColumn(Name = "佣金(元)", Format = "0.00")] decimal Commission,
    [property: ExcelColumn(Name = "佣金冲回(元)", Format = "0.00")] decimal TakenBack,
    [property: ExcelColumnName("佣金占比")] string Ratio)
{
    /// <summary>The rows of one table of the report: trend, category, grade or shop.</summary>
    public static IEnumerable<CommissionExportRow> Of(CommissionReport report, string? table) => table switch
    {
        "category" => report.Categories.Select(r => Of(r.Name, r)),
        "grade" => report.Grades.Select(r => Of(SalesLabels.Name(SalesDimension.Grade, r.Key, r.Name), r)),
        "shop" => report.Shops.Select(r => Of(r.Name, r)),
        _ => report.Trend.Select(p => Of(SalesLabels.Bucket(p.Start, report.Granularity), new CommissionRow("", "", p.SalesFen, p.CommissionFen, 0))),
    };

    private static CommissionExportRow Of(string name, CommissionRow row) =>
        new(name, SalesChartOptions.Yuan(row.SalesFen), SalesChartOptions.Yuan(row.CommissionFen), SalesChartOptions.Yuan(row.CommissionBackFen), SalesLabels.Percent(row.RatioBp));
}
