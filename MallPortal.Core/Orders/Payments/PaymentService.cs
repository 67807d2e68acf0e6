using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Payments;

/// <summary>
/// Sends a buyer to the gateway's cashier and brings them back: the payment is started (an attempt the risk rules count),
/// and one still waiting when the buyer returns is asked about at the gateway. What settles a payment is
/// <see cref="PaymentIntake"/>.
/// </summary>
public sealed class PaymentService(IDbContextFactory<MallDbContext> contexts, PaymentGateways gateways, PaymentIntake intake,
    OrderNumbers numbers, Risk.PaymentRiskService risk, TimeProvider clock)
{
    /// <summary>
    /// How the buyer pays an unpaid order: its checkout's payment while every order of it is still unpaid, otherwise (one
    /// of them was cancelled) a new payment for this order alone. A start from the buyer's browser (<paramref name="client"/>)
    /// that the provider answered with a cashier is a payment attempt the risk rules count; too many throw <see cref="Risk.RiskVerificationRequiredException"/>. Null:
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
        var attempt = client is null ? null : await risk.ScreenAttemptAsync(actor.UserId, payment.Number, client, cancellationToken);
        var subject = await db.Orders.Where(o => o.PaymentId == payment.Id).CountAsync(cancellationToken) > 1
            ? string.Format(CoreText.PaymentSubjectMany, order.Lines[0].Title)
            : order.Lines[0].Title;
        var baseUrl = siteBaseUrl.TrimEnd('/');
        var start = await gateway.StartAsync(new GatewayPaymentRequest(payment.Number, payment.Amount, subject,
            $"{baseUrl}/payments/notify/{gateway.Name}", $"{baseUrl}/pay/result/{payment.Number}", order.PayBy, device, client?.WeChatOpenId), cancellationToken);
        if (attempt is not null)
        {
            await risk.RecordAttemptAsync(attempt, cancellationToken);
        }
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
        return new PaymentView(payment.Number, payment.Amount, payment.Status, payment.Gateway, orders,
            await Risk.RiskHolds.IsHeldAsync(db, payment.Id, cancellationToken));
    }

    /// <summary>
    /// The buyer back from the cashier: a payment still waiting for its notification is asked about at the gateway
    /// (主动查单, when the gateway can be queried), so a late or lost notification never leaves a paid order unpaid, and a
    /// buyer who came back without paying (取消，返回商户) is told so (<see cref="PaymentView.NotPaid"/>) instead of waiting.
    /// Null when the payment is not the buyer's.
    /// </summary>
    public async Task<PaymentView?> RefreshAsync(Actor actor, string paymentNumber, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(actor, paymentNumber, cancellationToken);
        if (view is not { Status: PaymentStatus.Pending } || gateways.Find(view.Gateway) is not { } gateway)
        {
            return view;
        }
        return await intake.QueryAsync(gateway, paymentNumber, cancellationToken) switch
        {
            GatewayTradeState.Paid => await GetAsync(actor, paymentNumber, cancellationToken),
            null => view,
            _ => view with { NotPaid = true },
        };
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
        await intake.ConfirmByQueryAsync(gateway, paymentNumber, cancellationToken);
        return false;
    }

    /// <summary>A payment the provider's bill has and the books have not: asked about now; true when it is (now) settled.</summary>
    internal Task<bool> ConfirmAtGatewayAsync(string gatewayName, string paymentNumber, CancellationToken cancellationToken) =>
        gateways.Find(gatewayName) is { } gateway ? intake.ConfirmByQueryAsync(gateway, paymentNumber, cancellationToken) : Task.FromResult(false);
}

/// <summary>A started payment: which, how much, through which gateway, and what the buyer's browser does next.</summary>
public sealed record PaymentStart(string PaymentNumber, Money Amount, string Gateway, GatewayStart Start);

/// <summary>
/// <paramref name="UnderReview"/>: paid, and held by the risk rules until the admin decides. <paramref name="NotPaid"/>: still
/// pending, and the gateway asked just now says the buyer has not paid (no trade, waiting, or closed there).
/// </summary>
public sealed record PaymentView(string Number, Money Amount, PaymentStatus Status, string Gateway, IReadOnlyList<PaymentOrder> Orders, bool UnderReview = false,
    bool NotPaid = false);

public sealed record PaymentOrder(string Number, OrderStatus Status);
