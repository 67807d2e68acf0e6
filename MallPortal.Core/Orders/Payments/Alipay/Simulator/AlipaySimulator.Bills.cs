using System.Globalization;
using System.Text.Json;

namespace MallPortal.Core.Orders.Payments.Alipay.Simulator;

/// <summary>The simulated Alipay's trade bills: the download address a signed answer names, and the zip behind it.</summary>
public sealed partial class AlipaySimulator
{
    /// <summary>
    /// alipay.data.dataservice.bill.downloadurl.query: the day's trade bill (payments and refunds completed that China day),
    /// kept behind a one-time address on the simulated download host.
    /// </summary>
    private Dictionary<string, object?> BillUrl(JsonElement business)
    {
        if (Text(business, "bill_type") != "trade"
            || !DateOnly.TryParseExact(Text(business, "bill_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Error("40004", "Business Failed", "isv.invalid-bill-type", "账单类型或日期不正确");
        }
        if (Bills.BillDay.Start(day) > clock.GetUtcNow())
        {
            return Error("40004", "Business Failed", "isp.bill_not_exist", "账单不存在");
        }
        lock (_gate)
        {
            var rows = new List<(Bills.BillLine, string, DateTimeOffset)>();
            foreach (var trade in _trades.Values)
            {
                if (trade.PaidAt is { } paid && Bills.BillDay.Contains(day, paid))
                {
                    rows.Add((new Bills.BillLine(Bills.BillLineKind.Payment, trade.OutTradeNo, trade.TradeNo, null, trade.Amount, paid), trade.Subject, trade.CreatedAt));
                }
                rows.AddRange(trade.RefundedAt.Where(r => Bills.BillDay.Contains(day, r.Value)).Select(r =>
                    (new Bills.BillLine(Bills.BillLineKind.Refund, trade.OutTradeNo, trade.TradeNo, r.Key, trade.Refunds[r.Key], r.Value), trade.Subject, trade.CreatedAt)));
            }
            var token = Digits(24);
            _bills[token] = AlipayBill.Build(shop.Value.SellerId, day, rows);
            var host = new Uri(shop.Value.GatewayUrl).GetLeftPart(UriPartial.Authority);
            return Success(new() { ["bill_download_url"] = $"{host}/bill/{token}/{day:yyyyMMdd}.zip" });
        }
    }

    /// <summary>The simulated download host: a bill zip by its address, or null.</summary>
    public byte[]? BillFile(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        lock (_gate)
        {
            return parts is ["bill", var token, _] ? _bills.GetValueOrDefault(token) : null;
        }
    }
}
