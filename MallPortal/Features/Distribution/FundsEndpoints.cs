using System.Globalization;
using System.Text;
using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Distribution;
using MallPortal.Core.Distribution.Funds;
using MallPortal.Hosting;

namespace MallPortal.Features.Distribution;

public static class FundsEndpoints
{
    /// <summary>资金对账 as CSV (UTF-8 with BOM, so Excel reads the Chinese): one row per paid order of the business-local days asked for.</summary>
    public static IEndpointRouteBuilder MapFundsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/reconciliation/funds.csv", async (string? from, string? to, HttpContext context, FundsReconciliation funds, BusinessTimeZone zone) =>
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", out var first) || !DateOnly.TryParseExact(to, "yyyy-MM-dd", out var last) || last < first)
            {
                return Results.BadRequest("from / to: yyyy-MM-dd");
            }
            var report = await funds.RunAsync(context.User.ToActor(), Period.Days(zone, first, last), context.RequestAborted);
            var csv = new StringBuilder("订单号,店铺ID,付款时间,实收,商家应结,分销佣金,平台服务费,退款,差额\n");
            foreach (var row in report.Orders)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{row.OrderNumber},{row.ShopId},{zone.Format(row.PaidAt)},{Yuan(row.PaidFen)},{Yuan(row.ReceivableFen)},")
                    .Append(CultureInfo.InvariantCulture, $"{Yuan(row.CommissionFen)},{Yuan(row.FeeFen)},{Yuan(row.RefundFen)},{Yuan(row.DifferenceFen)}\n");
            }
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", $"资金对账-{first:yyyyMMdd}-{last:yyyyMMdd}.csv");
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return endpoints;
    }

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
