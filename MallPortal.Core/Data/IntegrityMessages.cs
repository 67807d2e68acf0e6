using System.Text.Json;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Data;

/// <summary>
/// The messages rule of <see cref="IntegrityCheck"/>: checkout's messages commit with its orders (CheckoutNotices) and a
/// payment's with the payment (OrderNotifier inside OrderSteps), so each order has its messages exactly once: the buyer's
/// "placed", for a paid online order the buyer's "paid" (or "held for review") and, unless a risk review holds the payment,
/// the merchant's "new order" in the inbox and, where the merchant takes order SMS, in the outbox.
/// </summary>
internal static class IntegrityMessages
{
    public static async Task CheckAsync(MallDbContext db, List<OrderFacts> orders, List<IntegrityViolation> found, CancellationToken cancellationToken)
    {
        string[] titles = [NotificationTemplates.OrderPlaced.Title, NotificationTemplates.OrderPlacedCod.Title, NotificationTemplates.OrderPaid.Title,
            NotificationTemplates.PaymentHeld.Title, NotificationTemplates.MerchantNewOrder.Title];
        var inbox = (await db.Notifications.AsNoTracking().Where(n => n.Link != null && titles.Contains(n.Title))
                .GroupBy(n => new { n.UserId, n.Link, n.Title }).Select(g => new { g.Key.UserId, g.Key.Link, g.Key.Title, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(n => (n.UserId, n.Link!, n.Title), n => n.Count);
        var reviewed = (await db.PaymentReviews.AsNoTracking().Select(r => r.PaymentId).ToListAsync(cancellationToken)).ToHashSet();
        var sms = await SmsByOrderAsync(db, cancellationToken);
        var wantsSms = await MerchantsTakingSmsAsync(db, orders, cancellationToken);
        foreach (var order in orders.Where(o => !o.Generated))
        {
            var cod = CashOnDeliveryGateway.Is(order.PaymentMethod);
            var (buyerLink, shopLink) = ($"/account/orders/{order.Number}", $"/merchant/orders/{order.Number}");
            int Count(int userId, string link, NotificationTemplate template) => inbox.GetValueOrDefault((userId, link, template.Title));
            void Expect(string what, int count, int wanted)
            {
                if (count != wanted)
                {
                    found.Add(new(IntegrityRule.Message, IntegrityCheck.OrderSubject(order.Number), IntegrityCheck.Text(CoreText.IcInboxCount, what, count, wanted)));
                }
            }
            Expect(CoreText.IcMsgPlaced, Count(order.BuyerUserId, buyerLink, cod ? NotificationTemplates.OrderPlacedCod : NotificationTemplates.OrderPlaced), 1);
            if (!cod && order.PaidAt is not null)
            {
                Expect(CoreText.IcMsgPaid, Count(order.BuyerUserId, buyerLink, NotificationTemplates.OrderPaid)
                    + Count(order.BuyerUserId, buyerLink, NotificationTemplates.PaymentHeld), 1);
            }
            var merchant = Count(order.OwnerUserId, shopLink, NotificationTemplates.MerchantNewOrder);
            if (cod || order.PaidAt is not null && !reviewed.Contains(order.PaymentId))
            {
                Expect(CoreText.IcMsgMerchant, merchant, 1);
                if (merchant == 1 && wantsSms.Contains(order.OwnerUserId) && sms.GetValueOrDefault((order.OwnerUserId, order.Number)) != 1)
                {
                    found.Add(new(IntegrityRule.Message, IntegrityCheck.OrderSubject(order.Number),
                        IntegrityCheck.Text(CoreText.IcSmsCount, CoreText.IcMsgMerchant, sms.GetValueOrDefault((order.OwnerUserId, order.Number)))));
                }
            }
            else if (merchant > 1)
            {
                Expect(CoreText.IcMsgMerchant, merchant, 1);
            }
        }
    }

    /// <summary>The outbox's "new order" SMS per merchant and order number (the number is one of the message's parameters).</summary>
    private static async Task<Dictionary<(int UserId, string Number), int>> SmsByOrderAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.TemplateKey == NotificationTemplates.MerchantNewOrder.Key && m.Channel == NotificationChannel.Sms && m.UserId != null)
            .Select(m => new { UserId = m.UserId!.Value, m.ParametersJson }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.UserId, Number: JsonSerializer.Deserialize<Dictionary<string, string>>(r.ParametersJson)?.GetValueOrDefault("number") ?? ""))
            .GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Shop owners with a phone whose order messages go by SMS (the default, unless they switched it off).</summary>
    private static async Task<HashSet<int>> MerchantsTakingSmsAsync(MallDbContext db, List<OrderFacts> orders, CancellationToken cancellationToken)
    {
        var owners = orders.Select(o => o.OwnerUserId).Distinct().ToList();
        var withPhone = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id) && u.PhoneNumber != null && u.PhoneNumber != "")
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var off = await db.NotificationPreferences.AsNoTracking()
            .Where(p => owners.Contains(p.UserId) && p.Category == NotificationCategory.Orders && !p.Sms).Select(p => p.UserId).ToListAsync(cancellationToken);
        return withPhone.Except(off).ToHashSet();
    }
}
