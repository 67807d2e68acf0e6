using System.Globalization;
using System.Security.Cryptography;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Payments.Sandbox;

/// <summary>
/// The simulated payment provider: it keeps its own trades, shows a cashier (the web app's sandbox page calls
/// <see cref="PayAsync"/>), signs its notifications and owes them until the shop acknowledges them.
/// </summary>
public sealed class SandboxProvider(IDbContextFactory<MallDbContext> contexts, SandboxCallbackSender sender,
    IOptions<SandboxOptions> options, TimeProvider clock)
{
    public async Task<SandboxTrade> OpenAsync(GatewayPaymentRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trade = await db.SandboxTrades.SingleOrDefaultAsync(t => t.OutTradeNo == request.PaymentNumber, cancellationToken);
        if (trade is not null)
        {
            // Same out_trade_no again (the buyer came back to pay): the same trade, if the amount still matches.
            return trade.Amount == request.Amount ? trade : throw new DomainException(CoreText.PaymentAmountChanged);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        trade = new SandboxTrade("SBX" + RandomDigits(16), request.PaymentNumber, request.Amount, request.Subject,
            request.NotifyUrl, request.ReturnUrl, request.ExpiresAt, now);
        db.SandboxTrades.Add(trade);
        await db.SaveChangesAsync(cancellationToken);
        return trade;
    }

    public async Task<SandboxTrade?> FindAsync(string tradeNo, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SandboxTrades.AsNoTracking().SingleOrDefaultAsync(t => t.TradeNo == tradeNo, cancellationToken);
    }

    /// <summary>The buyer pressed 确认付款: the trade is paid and a signed notification goes to the shop at once.</summary>
    public async Task<SandboxTrade> PayAsync(string tradeNo, CancellationToken cancellationToken = default)
    {
        SandboxCallback callback;
        SandboxTrade trade;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            trade = await db.SandboxTrades.SingleOrDefaultAsync(t => t.TradeNo == tradeNo, cancellationToken)
                ?? throw new DomainException(CoreText.PaymentNotFound);
            var now = clock.GetUtcNow().UtcDateTime;
            if (trade.Status == SandboxTradeStatus.Closed || now > trade.ExpiresAt)
            {
                throw new DomainException(CoreText.SandboxTradeClosed);
            }
            if (trade.Status == SandboxTradeStatus.Paid)
            {
                return trade;
            }
            trade.Pay(now);
            callback = new SandboxCallback(trade.NotifyUrl, SignedBody(trade, now), now);
            db.SandboxCallbacks.Add(callback);
            await db.SaveChangesAsync(cancellationToken);
        }
        await DeliverAsync([callback.Id], cancellationToken);
        return trade;
    }

    /// <summary>Tries every notification that is due; returns how many the shop acknowledged.</summary>
    public async Task<int> DeliverDueAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.SandboxCallbacks.Where(c => c.NextAttemptAt != null && c.NextAttemptAt <= now)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(50).ToListAsync(cancellationToken);
        return await DeliverAsync(due, cancellationToken);
    }

    public async Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trade = await db.SandboxTrades.Include(t => t.Refunds).SingleOrDefaultAsync(t => t.OutTradeNo == request.PaymentNumber, cancellationToken);
        if (trade is not { Status: SandboxTradeStatus.Paid })
        {
            return GatewayRefundResult.Failed("TRADE_NOT_PAID");
        }
        var done = trade.Refunds.FirstOrDefault(r => r.OutRequestNo == request.RefundNumber);
        if (done is not null)
        {
            return GatewayRefundResult.Done(done.RefundNo);
        }
        if (request.Amount.Fen <= 0 || trade.Refunded + request.Amount > trade.Amount)
        {
            return GatewayRefundResult.Failed("REFUND_AMOUNT_INVALID");
        }
        var refund = new SandboxRefund("SBR" + RandomDigits(16), request.RefundNumber, request.Amount, clock.GetUtcNow().UtcDateTime);
        trade.AddRefund(refund);
        await db.SaveChangesAsync(cancellationToken);
        return GatewayRefundResult.Done(refund.RefundNo);
    }

    /// <summary>The sandbox pays refunds back at once: one it knows has succeeded.</summary>
    public async Task<GatewayRefundResult> QueryRefundAsync(string outTradeNo, string refundNumber, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var refundNo = await db.SandboxTrades.Where(t => t.OutTradeNo == outTradeNo).SelectMany(t => t.Refunds)
            .Where(r => r.OutRequestNo == refundNumber).Select(r => r.RefundNo).SingleOrDefaultAsync(cancellationToken);
        return refundNo is null ? GatewayRefundResult.Failed("REFUND_NOT_EXIST") : GatewayRefundResult.Done(refundNo);
    }

    /// <summary>The day's bill: payments and refunds the sandbox completed that China day.</summary>
    public async Task<byte[]> BillAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (from, to) = (Bills.BillDay.Start(day).UtcDateTime, Bills.BillDay.Start(day.AddDays(1)).UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trades = await db.SandboxTrades.AsNoTracking().Include(t => t.Refunds)
            .Where(t => (t.PaidAt >= from && t.PaidAt < to) || t.Refunds.Any(r => r.At >= from && r.At < to)).ToListAsync(cancellationToken);
        var lines = trades.Where(t => t.PaidAt >= from && t.PaidAt < to)
            .Select(t => new Bills.BillLine(Bills.BillLineKind.Payment, t.OutTradeNo, t.TradeNo, null, t.Amount, Utc(t.PaidAt!.Value)))
            .Concat(trades.SelectMany(t => t.Refunds.Where(r => r.At >= from && r.At < to)
                .Select(r => new Bills.BillLine(Bills.BillLineKind.Refund, t.OutTradeNo, t.TradeNo, r.OutRequestNo, r.Amount, Utc(r.At)))));
        return SandboxBill.Build(lines);
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    public async Task<GatewayTrade> QueryAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trade = await db.SandboxTrades.AsNoTracking().SingleOrDefaultAsync(t => t.OutTradeNo == outTradeNo, cancellationToken);
        return trade?.Status switch
        {
            null => GatewayTrade.NotFound,
            SandboxTradeStatus.Paid => new GatewayTrade(GatewayTradeState.Paid, trade.Amount, trade.TradeNo),
            SandboxTradeStatus.Closed => new GatewayTrade(GatewayTradeState.Closed, trade.Amount, null),
            _ => new GatewayTrade(GatewayTradeState.WaitingForPayment, trade.Amount, null),
        };
    }

    public async Task<bool> CloseAsync(string outTradeNo, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trade = await db.SandboxTrades.SingleOrDefaultAsync(t => t.OutTradeNo == outTradeNo, cancellationToken);
        if (trade is { Status: SandboxTradeStatus.Paid })
        {
            return false;
        }
        trade?.Close();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<int> DeliverAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var delivered = 0;
        var schedule = options.Value.RetrySeconds.Select(s => TimeSpan.FromSeconds(s)).ToList();
        foreach (var id in ids)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var callback = await db.SandboxCallbacks.SingleAsync(c => c.Id == id, cancellationToken);
            var error = await sender.SendAsync(callback.NotifyUrl, callback.Body, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (error is null)
            {
                callback.Delivered(now);
                delivered++;
            }
            else
            {
                callback.Failed(error, now, schedule);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return delivered;
    }

    private string SignedBody(SandboxTrade trade, DateTime now)
    {
        var fields = new Dictionary<string, string>
        {
            ["notify_id"] = Guid.NewGuid().ToString("N"),
            ["notify_time"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["out_trade_no"] = trade.OutTradeNo,
            ["trade_no"] = trade.TradeNo,
            ["total_fee"] = trade.Amount.Fen.ToString(CultureInfo.InvariantCulture),
            ["trade_status"] = "SUCCESS",
            ["sign_type"] = "HMAC-SHA256",
        };
        fields["sign"] = SandboxSignature.Sign(fields, options.Value.Key);
        return string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
    }

    private static string RandomDigits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
}
