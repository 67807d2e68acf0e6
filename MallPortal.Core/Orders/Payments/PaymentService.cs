using System.Globalization;
using System.Text.Json;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Orders.Payments;

/// <summary>
/// Sends a buyer to the gateway's cashier and takes the gateway's notifications: signature, payment, amount and
/// event key are checked before anything changes; a repeat is acknowledged and changes nothing.
/// </summary>
public sealed class PaymentService(IDbContextFactory<MallDbContext> contexts, PaymentGateways gateways, OrderSteps steps,
    OrderNumbers numbers, RefundSettler refunds, Risk.PaymentRiskService risk, TimeProvider clock, ILogger<PaymentService> logger)
{
    /// <summary>
    /// How the buyer pays an unpaid order: its checkout's payment while every order of it is still unpaid, otherwise (one
    /// of them was cancelled) a new payment for this order alone. A start from the buyer's browser (<paramref name="client"/>)
    /// is a payment attempt the risk rules count; too many throw <see cref="Risk.RiskVerificationRequiredException"/>. Null:
    /// started by the platform itself (the demo), not an attempt.
    /// </summary>
    public async Task<PaymentStart> StartAsync(Actor actor, string orderNumber, string siteBaseUrl, PaymentDevice device = PaymentDevice.Computer,
        Risk.ClientTrace? client = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForBuyerAsync(db, actor, orderNumber, cancellationToken);
        if (order.Status != OrderStatus.PendingPayment)
        {
            throw new DomainException(string.Format(CoreText.OrderTransitionNotAllowed, OrderText.Status(order.Status), OrderText.Trigger(OrderTrigger.Pay)));
        }
        var gateway = gateways.Get(order.PaymentMethod);
        var payment = order.Payment;
        if (payment.Status != PaymentStatus.Pending)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            payment = new Payment(numbers.Payment(now), actor.UserId, gateway.Name, order.Total, "repay-" + order.Number + "-" + now.Ticks, now);
            order.MovePayment(payment);
            await OrderAccess.SaveAsync(db, cancellationToken);
        }
        if (client is not null)
        {
            await risk.ScreenAttemptAsync(actor.UserId, payment.Number, client, cancellationToken);
        }
        var subject = await db.Orders.Where(o => o.PaymentId == payment.Id).CountAsync(cancellationToken) > 1
            ? string.Format(CoreText.PaymentSubjectMany, order.Lines[0].Title)
            : order.Lines[0].Title;
        var baseUrl = siteBaseUrl.TrimEnd('/');
        var start = await gateway.StartAsync(new GatewayPaymentRequest(payment.Number, payment.Amount, subject,
            $"{baseUrl}/payments/notify/{gateway.Name}", $"{baseUrl}/pay/result/{payment.Number}", order.PayBy, device), cancellationToken);
        return new PaymentStart(payment.Number, payment.Amount, gateway.Name, start);
    }

    public async Task<PaymentView?> GetAsync(Actor actor, string paymentNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Number == paymentNumber && p.BuyerUserId == actor.UserId, cancellationToken);
        if (payment is null)
        {
            return null;
        }
        var orders = await db.Orders.Where(o => o.PaymentId == payment.Id).OrderBy(o => o.Id)
            .Select(o => new PaymentOrder(o.Number, o.Status)).ToListAsync(cancellationToken);
        return new PaymentView(payment.Number, payment.Amount, payment.Status, payment.Gateway, orders);
    }

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

    /// <summary>
    /// The buyer back from the cashier: a payment still waiting for its notification is asked about at the gateway
    /// (主动查单, when the gateway can be queried), so a late or lost notification never leaves a paid order unpaid.
    /// Null when the payment is not the buyer's.
    /// </summary>
    public async Task<PaymentView?> RefreshAsync(Actor actor, string paymentNumber, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(actor, paymentNumber, cancellationToken);
        if (view is { Status: PaymentStatus.Pending } && gateways.Find(view.Gateway) is { } gateway
            && await ConfirmByQueryAsync(gateway, paymentNumber, cancellationToken))
        {
            view = await GetAsync(actor, paymentNumber, cancellationToken);
        }
        return view;
    }

    /// <summary>Ages at which a payment still waiting for its notification is asked about at its gateway.</summary>
    public static readonly TimeSpan[] QueryAfter = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];

    /// <summary>
    /// 主动查单 by the clock: every unpaid payment that has just reached 1, 5 or 15 minutes of age (within the last
    /// <paramref name="tick"/>, the job's interval) is asked about at its gateway. Returns how many were found paid.
    /// </summary>
    public async Task<int> QueryLateAsync(TimeSpan tick, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queryable = gateways.All.Where(g => g.PaysOnline && g.Capabilities.HasFlag(GatewayCapabilities.Query)).Select(g => g.Name).ToList();
        var oldest = now - QueryAfter[^1] - tick;
        List<(string Number, string Gateway, DateTime CreatedAt)> waiting;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            waiting = (await db.Payments.AsNoTracking()
                .Where(p => p.Status == PaymentStatus.Pending && p.CreatedAt > oldest && queryable.Contains(p.Gateway))
                .Select(p => new { p.Number, p.Gateway, p.CreatedAt }).ToListAsync(cancellationToken))
                .Select(p => (p.Number, p.Gateway, p.CreatedAt)).ToList();
        }
        var paid = 0;
        foreach (var (number, gatewayName, createdAt) in waiting.Where(p => QueryAfter.Any(t => now - p.CreatedAt >= t && now - p.CreatedAt < t + tick)))
        {
            paid += await ConfirmByQueryAsync(gateways.Get(gatewayName), number, cancellationToken) ? 1 : 0;
        }
        return paid;
    }

    /// <summary>
    /// Closes an unpaid payment at its gateway before its orders are cancelled. False when the buyer paid it after all;
    /// the payment is then settled from the gateway's answer at once instead of waiting for the notification.
    /// </summary>
    internal async Task<bool> CloseAtGatewayAsync(string gatewayName, string paymentNumber, CancellationToken cancellationToken)
    {
        var gateway = gateways.Get(gatewayName);
        if (await gateway.CloseAsync(paymentNumber, cancellationToken))
        {
            return true;
        }
        await ConfirmByQueryAsync(gateway, paymentNumber, cancellationToken);
        return false;
    }

    /// <summary>A payment the provider's bill has and the books have not: asked about now; true when it is (now) settled.</summary>
    internal Task<bool> ConfirmAtGatewayAsync(string gatewayName, string paymentNumber, CancellationToken cancellationToken) =>
        gateways.Find(gatewayName) is { } gateway ? ConfirmByQueryAsync(gateway, paymentNumber, cancellationToken) : Task.FromResult(false);

    /// <summary>True when the gateway says the trade is paid and the payment is (now) settled.</summary>
    private async Task<bool> ConfirmByQueryAsync(IPaymentGateway gateway, string paymentNumber, CancellationToken cancellationToken)
    {
        if (!gateway.Capabilities.HasFlag(GatewayCapabilities.Query))
        {
            return false;
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
            return false;
        }
        if (trade.State != GatewayTradeState.Paid)
        {
            return false;
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
                payload, cancellationToken)).Accepted;
        }
        catch (Exception ex) when (ex is DbUpdateException or DomainException)
        {
            // Its notification settled it in the same instant (both changed the same orders).
            logger.LogInformation(ex, "Payment {Payment} was settled by another event while it was being queried", paymentNumber);
            return true;
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
        var ended = found!.Refund.Settle(notice.State, notice.GatewayRefundNo, now);
        await db.SaveChangesAsync(cancellationToken);
        if (ended)
        {
            await refunds.AfterCommitAsync(found.Refund, found.Order, "refund notification", cancellationToken);
        }
        return NotificationResult.Taken(gateway);
    }

    /// <summary>
    /// Refunds still processing at their provider are asked about (after a notification that never came); returns how
    /// many ended.
    /// </summary>
    public async Task<int> QueryProcessingRefundsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var processing = await RefundsAtGateways(db).Where(r => r.Refund.GatewayState == RefundGatewayState.Processing)
            .OrderBy(r => r.Refund.Id).Take(100).Select(r => r.Refund.Number).ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var number in processing)
        {
            ended += await QueryRefundAsync(number, cancellationToken) is not RefundGatewayState.Processing ? 1 : 0;
        }
        return ended;
    }

    /// <summary>Asks the provider where one processing refund stands (the job, or the admin's 立即查询); returns its state after.</summary>
    public async Task<RefundGatewayState> QueryRefundAsync(string refundNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await RefundsAtGateways(db).SingleOrDefaultAsync(r => r.Refund.Number == refundNumber, cancellationToken)
            ?? throw new DomainException(CoreText.RefundRecordNotFound);
        if (item.Refund.GatewayState != RefundGatewayState.Processing || gateways.Find(item.Gateway) is not { } gateway)
        {
            return item.Refund.GatewayState;
        }
        GatewayRefundResult result;
        try
        {
            result = await gateway.QueryRefundAsync(item.Payment, refundNumber, cancellationToken);
        }
        catch (PaymentGatewayException ex)
        {
            logger.LogWarning(ex, "Querying refund {Refund} at {Gateway} failed", refundNumber, gateway.Name);
            return item.Refund.GatewayState;
        }
        if (item.Refund.Settle(result.State, result.GatewayRefundNo, clock.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(cancellationToken);
            await refunds.AfterCommitAsync(item.Refund, item.Order, result.Error, cancellationToken);
        }
        return item.Refund.GatewayState;
    }

    /// <summary>Refunds with the number and gateway of the payment they give back.</summary>
    private static IQueryable<RefundAtGateway> RefundsAtGateways(MallDbContext db) =>
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

    private sealed class RefundAtGateway
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

/// <summary>A started payment: which, how much, through which gateway, and what the buyer's browser does next.</summary>
public sealed record PaymentStart(string PaymentNumber, Money Amount, string Gateway, GatewayStart Start);

public sealed record PaymentView(string Number, Money Amount, PaymentStatus Status, string Gateway, IReadOnlyList<PaymentOrder> Orders);

public sealed record PaymentOrder(string Number, OrderStatus Status);
