using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders;

/// <summary>The order clocks the Quartz jobs call: close unpaid orders, remind before closing, confirm receipt for the buyer.</summary>
public sealed class OrderTimerService(IDbContextFactory<MallDbContext> contexts, PaymentService payments, OrderService orders,
    OrderSteps steps, NotificationService notifications, IOptions<OrderOptions> options)
{
    /// <summary>Unpaid orders past their time close together per payment; one the buyer has just paid is settled instead.</summary>
    public async Task<int> CloseExpiredAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expired = await OrderAccess.Full(db).Where(o => o.Status == OrderStatus.PendingPayment && o.PayBy <= now)
            .OrderBy(o => o.Id).Take(200).ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var group in expired.GroupBy(o => o.PaymentId))
        {
            var payment = group.First().Payment;
            if (!await payments.CloseAtGatewayAsync(payment.Gateway, payment.Number, cancellationToken))
            {
                continue;
            }
            await orders.CancelUnpaidAsync(db, group.ToList(), OrderTrigger.CloseUnpaid, null, cancellationToken);
            closed += group.Count();
        }
        return closed;
    }

    public async Task<int> RemindUnpaidAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var remindFrom = now.AddMinutes(options.Value.PaymentReminderMinutes);
        var due = await db.Orders.Where(o => o.Status == OrderStatus.PendingPayment && o.PaymentReminderSentAt == null && o.PayBy <= remindFrom && o.PayBy > now)
            .ToListAsync(cancellationToken);
        foreach (var order in due)
        {
            order.RemindedAboutPayment(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var order in due)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((order.PayBy - now).TotalMinutes));
            await notifications.NotifyAsync(order.BuyerUserId, NotificationTemplates.PaymentReminder,
                new Dictionary<string, string> { ["number"] = order.Number, ["minutes"] = minutes.ToString() }, $"/account/orders/{order.Number}", cancellationToken);
        }
        return due.Count;
    }

    public async Task<int> AutoConfirmAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await OrderAccess.Full(db).Where(o => o.Status == OrderStatus.PendingReceipt && o.ReceiveBy <= now).OrderBy(o => o.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var order in due)
        {
            order.Apply(OrderTrigger.AutoConfirmReceipt, now, null);
        }
        await steps.CommitAsync(db, cancellationToken);
        return due.Count;
    }
}
