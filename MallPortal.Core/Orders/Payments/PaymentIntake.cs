using System.Globalization;
using System.Text.Json;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Orders.Payments;

/// <summary>
/// Takes the gateways' word about payments and refunds: a notification (signature, replay window and merchant checked by
/// the gateway) or a query's answer. The payment, the amount and the event key are checked before anything changes; the
/// event is stored with the change in one transaction; a repeat is acknowledged and changes nothing.
/// </summary>
public sealed class PaymentIntake(IDbContextFactory<MallDbContext> contexts, PaymentGateways gateways, OrderSteps steps, RefundSettler refunds,
    Risk.PaymentRiskService risk, TimeProvider clock, ILogger<PaymentIntake> logger)
{
    /// <summary>A gateway's server-to-server notification, the only proof of payment. The result says what to answer.</summary>
    public async Task<NotificationResult> HandleNotificationAsync(string gatewayName, GatewayCallback callback, CancellationToken cancellationToken = default)
    {
        var gateway = gateways.Find(gatewayName);
        // The log column holds 4000 characters; a longer (signed, valid) notification must still be processed.
        var text = callback.Form.Count > 0 ? JsonSerializer.Serialize(callback.Form) : callback.BodyText;
        var payload = text[..Math.Min(text.Length, 4000)];
        if (gateway is null || !gateway.PaysOnline)
        {
            await RejectAsync(gatewayName[..Math.Min(gatewayName.Length, 20)], null, payload, "unknown or unconfigured gateway", cancellationToken);
            return new NotificationResult(false, GatewayAnswers.Refusal(gatewayName));
        }
        var verification = gateway.Verify(callback);
        var eventKey = verification.Notice?.EventKey ?? verification.RefundNotice?.EventKey;
        if (eventKey is null)
        {
            return await RejectAsync(gateway, null, payload, verification.Rejection ?? "not verified", cancellationToken);
        }
        try
        {
            return verification.Notice is { } notice
                ? await SettleAsync(gateway, notice, payload, cancellationToken)
                : await SettleRefundAsync(gateway, verification.RefundNotice!, payload, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event arrived twice at once and the other copy was stored first. Any other failure is not
            // acknowledged, so the gateway sends it again.
            if (!await IsStoredAsync(gateway.Name, eventKey, cancellationToken))
            {
                throw;
            }
            return NotificationResult.Taken(gateway);
        }
    }

    /// <summary>True when the gateway says the trade is paid and the payment is (now) settled.</summary>
    internal async Task<bool> ConfirmByQueryAsync(IPaymentGateway gateway, string paymentNumber, CancellationToken cancellationToken) =>
        await QueryAsync(gateway, paymentNumber, cancellationToken) == GatewayTradeState.Paid;

    /// <summary>
    /// What the gateway says of the trade now, a paid one settled at once (Paid only when it is settled); null when the
    /// gateway cannot be asked or gave no answer to trust.
    /// </summary>
    internal async Task<GatewayTradeState?> QueryAsync(IPaymentGateway gateway, string paymentNumber, CancellationToken cancellationToken)
    {
        if (!gateway.Capabilities.HasFlag(GatewayCapabilities.Query))
        {
            return null;
        }
        GatewayTrade trade;
        try
        {
            trade = await gateway.QueryAsync(paymentNumber, cancellationToken);
        }
        catch (PaymentGatewayException ex)
        {
            // Unreachable, or an answer that does not verify: the notification (or the next query) settles it.
            logger.LogWarning(ex, "Querying payment {Payment} at {Gateway} failed", paymentNumber, gateway.Name);
            return null;
        }
        if (trade.State != GatewayTradeState.Paid)
        {
            return trade.State;
        }
        var payload = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["source"] = "query",
            ["trade_no"] = trade.GatewayTradeNo,
            ["amount"] = trade.Amount.Fen.ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            return (await SettleAsync(gateway, new GatewayNotice("query:" + paymentNumber, paymentNumber, trade.GatewayTradeNo, trade.Amount, Paid: true),
                payload, cancellationToken)).Accepted ? GatewayTradeState.Paid : null;
        }
        catch (Exception ex) when (ex is DbUpdateException or DomainException)
        {
            // Its notification settled it in the same instant (both changed the same orders).
            logger.LogInformation(ex, "Payment {Payment} was settled by another event while it was being queried", paymentNumber);
            return GatewayTradeState.Paid;
        }
    }

    /// <summary>
    /// A verified event (a notification, or a query's answer): the payment, the amount and the event key are checked,
    /// then the event is stored with the state change in one transaction.
    /// </summary>
    private async Task<NotificationResult> SettleAsync(IPaymentGateway gateway, GatewayNotice notice, string payload, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payment = await db.Payments.SingleOrDefaultAsync(p => p.Number == notice.PaymentNumber && p.Gateway == gateway.Name, cancellationToken);
        var refusal = payment is null ? "unknown payment" : notice.Amount != payment.Amount ? $"amount {notice.Amount.Fen} != {payment.Amount.Fen}" : null;
        if (await ScreenAsync(db, gateway, notice.PaymentNumber, notice.EventKey, payload, refusal, cancellationToken) is { } answer)
        {
            return answer;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.PaymentNotifications.Add(new PaymentNotification(gateway.Name, notice.EventKey, notice.PaymentNumber, payload, NotificationOutcome.Accepted, null, now));
        if (notice.Paid && payment!.MarkPaid(notice.GatewayTradeNo, now))
        {
            var orders = await OrderAccess.Full(db).Where(o => o.PaymentId == payment.Id && o.Status == OrderStatus.PendingPayment).ToListAsync(cancellationToken);
            orders.ForEach(o => o.Apply(OrderTrigger.Pay, now, null));
        }
        if (notice.PayerCard is { Length: > 0 } card)
        {
            await risk.RecordCardAsync(db, payment!.BuyerUserId, payment.Number, card, cancellationToken);
        }
        await steps.CommitAsync(db, cancellationToken);
        return NotificationResult.Taken(gateway);
    }

    /// <summary>A verified refund notification: the refund (of this payment, for this amount) that was processing ends.</summary>
    private async Task<NotificationResult> SettleRefundAsync(IPaymentGateway gateway, GatewayRefundNotice notice, string payload,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await RefundsAtGateways(db).Where(r => r.Refund.Number == notice.RefundNumber && r.Payment == notice.PaymentNumber && r.Gateway == gateway.Name)
            .SingleOrDefaultAsync(cancellationToken);
        var refusal = found is null ? $"unknown refund {notice.RefundNumber}"
            : notice.Amount != found.Refund.Amount ? $"refund amount {notice.Amount.Fen} != {found.Refund.Amount.Fen}" : null;
        if (await ScreenAsync(db, gateway, notice.PaymentNumber, notice.EventKey, payload, refusal, cancellationToken) is { } answer)
        {
            return answer;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.PaymentNotifications.Add(new PaymentNotification(gateway.Name, notice.EventKey, notice.PaymentNumber, payload, NotificationOutcome.Accepted, null, now));
        if (await EndRefundAsync(db, found!.Refund, notice.State, notice.GatewayRefundNo, cancellationToken))
        {
            await refunds.AfterCommitAsync(found.Refund, found.Order, "refund notification", cancellationToken);
        }
        return NotificationResult.Taken(gateway);
    }

    /// <summary>A refund the provider answered about (its notification, or a query): settled once, the buyer told.</summary>
    internal async Task SettleRefundAsync(MallDbContext db, RefundAtGateway item, GatewayRefundResult result, CancellationToken cancellationToken)
    {
        if (await EndRefundAsync(db, item.Refund, result.State, result.GatewayRefundNo, cancellationToken))
        {
            await refunds.AfterCommitAsync(item.Refund, item.Order, result.Error, cancellationToken);
        }
    }

    /// <summary>
    /// Saves the provider's word on a processing refund; true when it ended now. Money that arrived is an order step (a
    /// timeline row and the buyer's 退款已到账 message): until then the order says the refund is processing.
    /// </summary>
    private async Task<bool> EndRefundAsync(MallDbContext db, Refund refund, GatewayRefundState state, string? gatewayRefundNo,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = refund.Settle(state, gatewayRefundNo, now);
        if (ended && refund.GatewayState == RefundGatewayState.Succeeded)
        {
            (await OrderAccess.Full(db).SingleAsync(o => o.Id == refund.OrderId, cancellationToken)).RefundArrived(refund, now);
        }
        await steps.CommitAsync(db, cancellationToken);
        return ended;
    }

    /// <summary>Refunds with the number and gateway of the payment they give back.</summary>
    internal static IQueryable<RefundAtGateway> RefundsAtGateways(MallDbContext db) =>
        from r in db.Refunds
        join o in db.Orders on r.OrderId equals o.Id
        join p in db.Payments on o.PaymentId equals p.Id
        select new RefundAtGateway { Refund = r, Order = o.Number, Payment = p.Number, Gateway = p.Gateway };

    /// <summary>Null when a verified event may be stored; otherwise the answer: refused (with its reason), or taken again (a duplicate).</summary>
    private async Task<NotificationResult?> ScreenAsync(MallDbContext db, IPaymentGateway gateway, string paymentNumber, string eventKey, string payload,
        string? refusal, CancellationToken cancellationToken)
    {
        if (refusal is not null)
        {
            return await RejectAsync(gateway, paymentNumber, payload, refusal, cancellationToken);
        }
        if (!await db.PaymentNotifications.AnyAsync(n => n.Gateway == gateway.Name && n.EventKey == eventKey, cancellationToken))
        {
            return null;
        }
        await LogAsync(gateway.Name, paymentNumber, payload, NotificationOutcome.Duplicate, null, cancellationToken);
        return NotificationResult.Taken(gateway);
    }

    internal sealed class RefundAtGateway
    {
        public required Refund Refund { get; init; }

        public required string Order { get; init; }

        public required string Payment { get; init; }

        public required string Gateway { get; init; }
    }

    private async Task<bool> IsStoredAsync(string gatewayName, string eventKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PaymentNotifications.AnyAsync(n => n.Gateway == gatewayName && n.EventKey == eventKey, cancellationToken);
    }

    private async Task<NotificationResult> RejectAsync(IPaymentGateway gateway, string? number, string payload, string reason,
        CancellationToken cancellationToken)
    {
        await RejectAsync(gateway.Name, number, payload, reason, cancellationToken);
        return new NotificationResult(false, gateway.Answer(accepted: false));
    }

    private async Task RejectAsync(string gatewayName, string? number, string payload, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Rejected {Gateway} notification for {Payment}: {Reason}", gatewayName, number, reason);
        await LogAsync(gatewayName, number, payload, NotificationOutcome.Rejected, reason[..Math.Min(reason.Length, 200)], cancellationToken);
    }

    private async Task LogAsync(string gatewayName, string? number, string payload, NotificationOutcome outcome, string? reason,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.PaymentNotifications.Add(new PaymentNotification(gatewayName, null, number?[..Math.Min(number.Length, 64)], payload, outcome, reason,
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>What became of a notification, and the answer its provider expects.</summary>
public sealed record NotificationResult(bool Accepted, GatewayAnswer Answer)
{
    public string Body => Answer.Body;

    internal static NotificationResult Taken(IPaymentGateway gateway) => new(true, gateway.Answer(accepted: true));
}
