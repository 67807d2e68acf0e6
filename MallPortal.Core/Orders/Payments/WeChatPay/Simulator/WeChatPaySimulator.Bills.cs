using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MallPortal.Core.Orders.Payments.WeChatPay.Simulator;

/// <summary>The simulated WeChat Pay's trade bills (/v3/bill/tradebill and the file it names).</summary>
public sealed partial class WeChatPaySimulator
{
    private const string BillFilePath = "/v3/billdownload/file";

    /// <summary>bill_date's payments and refunds (those that had succeeded by now), as a file to fetch once by its token.</summary>
    private (int, JsonObject) TradeBill(string pathAndQuery)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(pathAndQuery.Split('?', 2).ElementAtOrDefault(1) ?? "");
        if (!DateOnly.TryParseExact(query["bill_date"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (400, Error("PARAM_ERROR", "bill_date 格式错误"));
        }
        var now = clock.GetUtcNow();
        if (Bills.BillDay.Start(day) > now)
        {
            return (400, Error("NO_STATEMENT_EXIST", "账单日期不能晚于今天"));
        }
        var rows = new List<(Bills.BillLine, string?, string)>();
        foreach (var trade in _trades.Values)
        {
            if (trade.PaidAt is { } paid && Bills.BillDay.Contains(day, paid))
            {
                rows.Add((new Bills.BillLine(Bills.BillLineKind.Payment, trade.OutTradeNo, trade.TransactionId, null, trade.Amount, paid), null, trade.Description));
            }
            rows.AddRange(trade.Refunds.Values.Where(r => r.StatusAt(now) == "SUCCESS" && Bills.BillDay.Contains(day, r.EndsAt)).Select(r =>
                (new Bills.BillLine(Bills.BillLineKind.Refund, trade.OutTradeNo, trade.TransactionId, r.OutRefundNo, r.Amount, r.EndsAt), (string?)r.RefundId,
                    trade.Description)));
        }
        var file = Encoding.UTF8.GetString(WeChatPayBill.Build(shop.Value.AppId, shop.Value.MchId, rows));
        var token = Digits(20);
        _bills[token] = file;
        return (200, new JsonObject
        {
            ["hash_type"] = "SHA1",
            ["hash_value"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(file))),
            ["download_url"] = shop.Value.BaseUrl.TrimEnd('/') + BillFilePath + "?token=" + token,
        });
    }
}
