using System.Globalization;
using MallPortal.Core.Orders.Payments.Bills;

namespace MallPortal.Core.Orders.Payments.UnionPay.Simulator;

/// <summary>The simulated UnionPay's file transfer (txnType 76): the day's reconciliation zip, deflated into fileContent.</summary>
public sealed partial class UnionPaySimulator
{
    private const string FileTransfer = "76";

    private (string, string) Bill(IReadOnlyDictionary<string, string> form, Dictionary<string, string> answer)
    {
        var now = clock.GetUtcNow();
        var today = BillDay.Of(now);
        if (form.GetValueOrDefault("fileType") != "00"
            || !DateOnly.TryParseExact($"{today.Year}{form.GetValueOrDefault("settleDate")}", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return ("13", "报文交易要素缺失");
        }
        day = day > today ? day.AddYears(-1) : day;
        lock (_gate)
        {
            var rows = new List<(BillLine, string)>();
            foreach (var trade in _trades.Values.Where(t => t.QueryId is not null))
            {
                if (trade.PaidAt is { } paid && BillDay.Contains(day, paid))
                {
                    rows.Add((new BillLine(BillLineKind.Payment, trade.OrderId, trade.QueryId, null, trade.Amount, paid), trade.QueryId!));
                }
                rows.AddRange(trade.Refunds.Values.Where(r => r.CodeAt(now) == UnionPayProtocol.Success && BillDay.Contains(day, r.EndsAt)).Select(r =>
                    (new BillLine(BillLineKind.Refund, trade.OrderId, trade.QueryId, r.OrderId, r.Amount, r.EndsAt), r.QueryId)));
            }
            answer["fileName"] = $"{shop.Value.MerId}_{day:yyyyMMdd}.zip";
            answer["fileContent"] = UnionPayBill.FileContent(UnionPayBill.Build(shop.Value.MerId, day, rows));
            answer["settleDate"] = $"{day:MMdd}";
            return ("00", "成功[0000000]");
        }
    }
}
