using System.Globalization;
using System.Text;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments.Bills;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics.History;

/// <summary>
/// The providers' daily bills of the history days, as the bill job would have imported them the next morning: they list
/// exactly the history's payments and refunds, so 渠道对账 shows those days balanced. Without them the first run of the job
/// would fetch yesterday's bill from a simulator that never saw these trades and report every one as a difference.
/// </summary>
internal sealed class HistoryBills(IDbContextFactory<MallDbContext> contexts)
{
    public async Task WriteAsync(DateRange range, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var day in range.Days())
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var lines = await LinesAsync(db, day, cancellationToken);
            var imported = await db.PaymentBills.Where(b => b.Day == day).Select(b => b.Gateway).ToListAsync(cancellationToken);
            foreach (var gateway in lines.Keys.Except(imported))
            {
                var bill = new PaymentBill(gateway, day);
                var file = Encoding.UTF8.GetBytes(Csv(lines[gateway]));
                var morning = BillDay.Start(day.AddDays(1)).AddHours(10.5).UtcDateTime;
                bill.Take(new GatewayBill($"history-{gateway}-{day:yyyyMMdd}.csv", file, lines[gateway]), null, morning < now ? morning : now);
                db.PaymentBills.Add(bill);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The day's history trades by gateway (China day, as the providers cut them); cash on delivery has no provider.</summary>
    private static async Task<Dictionary<string, List<BillLine>>> LinesAsync(MallDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        var (start, end) = (BillDay.Start(day).UtcDateTime, BillDay.Start(day.AddDays(1)).UtcDateTime);
        var paid = await db.Payments.Where(p => p.Number.StartsWith("HP") && p.PaidAt >= start && p.PaidAt < end && p.Gateway != Orders.Payments.CashOnDeliveryGateway.GatewayName)
            .Select(p => new { p.Gateway, p.Number, p.GatewayTradeNo, p.Amount, p.PaidAt }).ToListAsync(cancellationToken);
        var refunded = await (from r in db.Refunds
                              join o in db.Orders on r.OrderId equals o.Id
                              join p in db.Payments on o.PaymentId equals p.Id
                              where r.Number.StartsWith("HR") && r.GatewayState == RefundGatewayState.Succeeded && r.GatewaySettledAt >= start
                                    && r.GatewaySettledAt < end
                              select new { p.Gateway, Payment = p.Number, p.GatewayTradeNo, r.Number, r.Amount, r.GatewaySettledAt })
            .ToListAsync(cancellationToken);
        return paid.Select(p => (p.Gateway, Line: new BillLine(BillLineKind.Payment, p.Number, p.GatewayTradeNo, null, p.Amount, At(p.PaidAt))))
            .Concat(refunded.Select(r => (r.Gateway, Line: new BillLine(BillLineKind.Refund, r.Payment, r.GatewayTradeNo, r.Number, r.Amount,
                At(r.GatewaySettledAt)))))
            .GroupBy(l => l.Gateway).ToDictionary(g => g.Key, g => g.Select(l => l.Line).OrderBy(l => l.At).ToList());
    }

    private static DateTimeOffset At(DateTime? utc) => new(DateTime.SpecifyKind(utc!.Value, DateTimeKind.Utc));

    private static string Csv(IEnumerable<BillLine> lines)
    {
        var csv = new StringBuilder("kind,payment_number,trade_no,refund_number,amount_yuan,at\n");
        foreach (var l in lines)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{l.Kind},{l.PaymentNumber},{l.GatewayTradeNo},{l.RefundNumber},{l.Amount.Fen / 100}.{l.Amount.Fen % 100:D2},{l.At:O}\n");
        }
        return csv.ToString();
    }
}
