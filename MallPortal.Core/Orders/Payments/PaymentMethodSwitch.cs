using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Payments;

/// <summary>
/// 换个支付方式: a buyer back from one cashier without paying picks another online gateway. The old trade is closed at
/// its provider first (so it can no longer take money; if it was paid meanwhile, that payment is settled and the switch
/// refused), then a new payment through the chosen gateway covers every order of the old one still unpaid.
/// </summary>
public sealed class PaymentMethodSwitch(IDbContextFactory<MallDbContext> contexts, PaymentGateways gateways, PaymentService payments, OrderNumbers numbers,
    TimeProvider clock)
{
    /// <summary>The online gateways a buyer may switch to.</summary>
    public IReadOnlyList<string> OnlineGateways => gateways.All.Where(g => g.PaysOnline).Select(g => g.Name).ToList();

    public async Task SwitchAsync(Actor actor, string orderNumber, string gatewayName, CancellationToken cancellationToken = default)
    {
        var gateway = gateways.Find(gatewayName) is { PaysOnline: true } found ? found : throw new DomainException(CoreText.PaymentMethodUnknown, "PaymentMethod");
        // Already waiting at that gateway: nothing to switch.
        await ReplaceAsync(actor, orderNumber, old => old.Gateway == gateway.Name && old.Status == PaymentStatus.Pending ? null : gateway.Name, cancellationToken);
    }

    /// <summary>
    /// 重新发起支付: a new trade at the same online gateway, for a buyer the provider will not let pay the old one (another
    /// WeChat user prepaid it, <see cref="PaymentStartedByOtherPayerException"/>). The old trade is closed first, as for a switch.
    /// </summary>
    public Task RestartAsync(Actor actor, string orderNumber, CancellationToken cancellationToken = default) =>
        ReplaceAsync(actor, orderNumber, old => gateways.Find(old.Gateway) is { PaysOnline: true } ? old.Gateway
            : throw new DomainException(CoreText.PaymentMethodUnknown, "PaymentMethod"), cancellationToken);

    /// <summary><paramref name="next"/> names the new payment's gateway for the old payment, or null to keep it.</summary>
    private async Task ReplaceAsync(Actor actor, string orderNumber, Func<Payment, string?> next, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await OrderAccess.ForBuyerAsync(db, actor, orderNumber, cancellationToken);
        if (order.Status != OrderStatus.PendingPayment)
        {
            throw new DomainException(string.Format(CoreText.OrderTransitionNotAllowed, OrderText.Status(order.Status), OrderText.Trigger(OrderTrigger.Pay)));
        }
        var old = order.Payment;
        if (next(old) is not { } gatewayName)
        {
            return;
        }
        if (old.Status == PaymentStatus.Pending)
        {
            if (!await payments.CloseAtGatewayAsync(old.Gateway, old.Number, cancellationToken))
            {
                throw new DomainException(CoreText.PaymentJustPaid);
            }
            old.Close();
        }
        var orders = await OrderAccess.Full(db).Where(o => o.PaymentId == old.Id && o.Status == OrderStatus.PendingPayment).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var payment = new Payment(numbers.Payment(now), actor.UserId, gatewayName, new Money(orders.Sum(o => o.Total.Fen)),
            "switch-" + old.Number + "-" + now.Ticks, now);
        orders.ForEach(o => o.MovePayment(payment));
        await OrderAccess.SaveAsync(db, cancellationToken);
    }
}
