using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders;

/// <summary>
/// What an order change tells people. The buyer's and the merchant's messages (inbox rows and outbox SMS / e-mail) are
/// written inside the change's transaction (<see cref="PrepareAsync"/>, called by <see cref="OrderSteps"/>), so a crash
/// right after the commit cannot lose them (issue 16); after the commit the inboxes, the dispatcher and open pages are
/// woken through live updates (best effort).
/// </summary>
public sealed class OrderNotifier(IDbContextFactory<MallDbContext> contexts, NotificationService notifications, ILiveUpdates live,
    IOptions<OrderOptions> options)
{
    /// <summary>
    /// Whether a step has messages of its own to write: placing an order tells nobody here, the checkout's messages are
    /// saved with its orders (CheckoutNotices).
    /// </summary>
    public static bool Tells(OrderEventKind kind) => kind is not (OrderEventKind.Placed or OrderEventKind.ChooseCashOnDelivery);

    /// <summary>Inside the change's transaction, after its rows are saved: each step's messages, added to <paramref name="db"/>.</summary>
    public async Task PrepareAsync(MallDbContext db, IReadOnlyList<OrderNews> news, CancellationToken cancellationToken = default)
    {
        foreach (var item in news.Where(n => Tells(n.Kind)))
        {
            var o = await FactsAsync(db, item.OrderId, cancellationToken);
            foreach (var (userId, template, link, values) in await MessagesAsync(db, o, item, news, cancellationToken))
            {
                (await notifications.PrepareAsync(db, userId, template, values, link, cancellationToken))?.AddTo(db);
            }
        }
    }

    /// <summary>After the commit: the live updates, and the inboxes and the dispatcher woken for the messages saved with the change.</summary>
    public async Task AfterCommitAsync(IReadOnlyList<OrderNews> news, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var told = new HashSet<int>();
        foreach (var item in news)
        {
            var o = await FactsAsync(db, item.OrderId, cancellationToken);
            told.UnionWith([o.BuyerUserId, o.OwnerUserId]);
            switch (item.Kind)
            {
                case OrderEventKind.Placed:
                    // The checkout took these lines out of the buyer's cart.
                    await live.PublishAsync(new CartChanged(o.BuyerUserId, null), cancellationToken);
                    break;
                case OrderEventKind.ChooseCashOnDelivery or OrderEventKind.RiskReleased:
                case OrderEventKind.Pay when !await Risk.RiskHolds.IsHeldAsync(db, o.PaymentId, cancellationToken):
                    await live.PublishAsync(new NewOrderReceived(o.ShopId, o.Number, o.TotalFen), cancellationToken);
                    break;
            }
            await live.PublishAsync(new OrderChanged(o.Id, o.Number, o.BuyerUserId, o.ShopId, o.Status), cancellationToken);
        }
        await notifications.AnnounceAsync(told, cancellationToken);
    }

    private static Task<OrderFacts> FactsAsync(MallDbContext db, int orderId, CancellationToken cancellationToken) =>
        (from order in db.Orders.AsNoTracking()
         join shop in db.Shops on order.ShopId equals shop.Id
         where order.Id == orderId
         select new OrderFacts(order.Id, order.Number, order.BuyerUserId, order.ShopId, order.Status, order.TotalFen,
             order.PaymentMethod, order.PaymentId, order.PaidAt, shop.OwnerUserId)).SingleAsync(cancellationToken);

    /// <summary>Who hears what of one step (the checkout's own messages are saved with its orders by CheckoutNotices).</summary>
    private async Task<List<(int UserId, NotificationTemplate Template, string Link, Dictionary<string, string> Values)>> MessagesAsync(
        MallDbContext db, OrderFacts o, OrderNews item, IReadOnlyList<OrderNews> news, CancellationToken cancellationToken)
    {
        var values = Values(o.Number, o.TotalFen, o.PaymentMethod, item.Detail, options.Value);
        var buyerLink = $"/account/orders/{o.Number}";
        var shopLink = $"/merchant/orders/{o.Number}";
        var messages = new List<(int, NotificationTemplate, string, Dictionary<string, string>)>();
        void Tell(int userId, NotificationTemplate template, string link) => messages.Add((userId, template, link, values));
        switch (item.Kind)
        {
            case OrderEventKind.Pay when await Risk.RiskHolds.IsHeldAsync(db, o.PaymentId, cancellationToken):
                // Held by the risk rules: the merchant hears of it when the admin releases it.
                Tell(o.BuyerUserId, NotificationTemplates.PaymentHeld, buyerLink);
                break;
            case OrderEventKind.Pay:
                Tell(o.BuyerUserId, NotificationTemplates.OrderPaid, buyerLink);
                Tell(o.OwnerUserId, NotificationTemplates.MerchantNewOrder, shopLink);
                break;
            case OrderEventKind.CloseUnpaid:
                Tell(o.BuyerUserId, NotificationTemplates.OrderClosed, buyerLink);
                break;
            case OrderEventKind.Ship or OrderEventKind.PackageShipped:
                Tell(o.BuyerUserId, NotificationTemplates.OrderShipped, buyerLink);
                break;
            case OrderEventKind.OutForDelivery:
                Tell(o.BuyerUserId, NotificationTemplates.ParcelOutForDelivery, buyerLink);
                break;
            case OrderEventKind.ParcelSigned:
                Tell(o.BuyerUserId, NotificationTemplates.ParcelSigned, buyerLink);
                break;
            case OrderEventKind.ParcelProblem:
                Tell(o.OwnerUserId, NotificationTemplates.ParcelProblem, "/merchant/shipments");
                break;
            case OrderEventKind.ConfirmReceipt:
                // The buyer hears of every step of the order, their own confirmation included (its inbox is the receipt).
                Tell(o.BuyerUserId, NotificationTemplates.OrderReceiptConfirmed, buyerLink);
                Tell(o.OwnerUserId, NotificationTemplates.OrderReceived, shopLink);
                break;
            case OrderEventKind.AutoConfirmReceipt:
                Tell(o.BuyerUserId, NotificationTemplates.OrderAutoReceived, buyerLink);
                Tell(o.OwnerUserId, NotificationTemplates.OrderReceived, shopLink);
                break;
            case OrderEventKind.CancellationRequested:
                // Cash on delivery not collected yet: nothing was paid, so nothing is refunded.
                Tell(o.OwnerUserId, o.PaidAt is null ? NotificationTemplates.CancellationRequestedUnpaid : NotificationTemplates.CancellationRequested, shopLink);
                break;
            case OrderEventKind.CancellationRejected:
                Tell(o.BuyerUserId, NotificationTemplates.CancellationRejected, buyerLink);
                break;
            case OrderEventKind.RiskReleased:
                // The order reaches its merchant only now.
                Tell(o.BuyerUserId, NotificationTemplates.PaymentReleased, buyerLink);
                Tell(o.OwnerUserId, NotificationTemplates.MerchantNewOrder, shopLink);
                break;
            case OrderEventKind.RiskRefused:
                Tell(o.BuyerUserId, NotificationTemplates.PaymentRefused, buyerLink);
                break;
            case OrderEventKind.CancelWithRefund when news.Any(n => n.OrderId == item.OrderId && n.Kind == OrderEventKind.RiskRefused):
                // Told once, with the reason, by the refusal above.
                break;
            case OrderEventKind.CancelWithRefund when item.Detail is null:
                Tell(o.BuyerUserId, NotificationTemplates.OrderCancelledOnRequest, buyerLink);
                break;
            case OrderEventKind.CancelWithRefund:
                // A refund the provider is still processing is told as such; its arrival is told by RefundArrived.
                values["amount"] = item.Detail;
                Tell(o.BuyerUserId, item.RefundProcessing ? NotificationTemplates.OrderRefundProcessing : NotificationTemplates.OrderRefunded, buyerLink);
                break;
            case OrderEventKind.RefundArrived:
                values["amount"] = item.Detail ?? "";
                Tell(o.BuyerUserId, NotificationTemplates.RefundArrived, buyerLink);
                break;
        }
        return messages;
    }

    private sealed record OrderFacts(int Id, string Number, int BuyerUserId, int ShopId, OrderStatus Status, long TotalFen, string PaymentMethod,
        int PaymentId, DateTime? PaidAt, int OwnerUserId);

    /// <summary>The placeholders every order message may use.</summary>
    internal static Dictionary<string, string> Values(string number, long totalFen, string paymentMethod, string? detail, OrderOptions options) => new()
    {
        ["number"] = number, ["amount"] = new Money(totalFen).ToString(), ["reason"] = detail ?? "", ["package"] = detail ?? "",
        ["minutes"] = options.PaymentTimeoutMinutes.ToString(), ["days"] = options.AutoConfirmDays.ToString(),
        ["method"] = Payments.CashOnDeliveryGateway.Is(paymentMethod) ? "货到付款" : "在线支付",
    };
}
