using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders;

/// <summary>
/// After an order change has committed: the buyer and the merchant are told through the notifications module,
/// and open pages reload through live updates. Best effort; the change itself is already safe.
/// </summary>
public sealed class OrderNotifier(IDbContextFactory<MallDbContext> contexts, NotificationService notifications, ILiveUpdates live,
    IOptions<OrderOptions> options)
{
    public async Task AfterCommitAsync(IReadOnlyList<OrderNews> news, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var item in news)
        {
            var o = await (from order in db.Orders.AsNoTracking()
                           join shop in db.Shops on order.ShopId equals shop.Id
                           where order.Id == item.OrderId
                           select new { order.Id, order.Number, order.BuyerUserId, order.ShopId, order.Status, order.TotalFen,
                               order.PaymentMethod, order.PaymentId, order.PaidAt, shop.OwnerUserId }).SingleAsync(cancellationToken);
            var values = Values(o.Number, o.TotalFen, o.PaymentMethod, item.Detail, options.Value);
            var buyerLink = $"/account/orders/{o.Number}";
            var shopLink = $"/merchant/orders/{o.Number}";
            async Task Tell(int userId, NotificationTemplate template, string link) =>
                await notifications.NotifyAsync(userId, template, values, link, cancellationToken);
            switch (item.Kind)
            {
                case OrderEventKind.Placed:
                    // The checkout took these lines out of the buyer's cart. Its messages were saved with the orders (CheckoutNotices).
                    await live.PublishAsync(new CartChanged(o.BuyerUserId, null), cancellationToken);
                    break;
                case OrderEventKind.ChooseCashOnDelivery:
                    await live.PublishAsync(new NewOrderReceived(o.ShopId, o.Number, o.TotalFen), cancellationToken);
                    break;
                case OrderEventKind.Pay when await Risk.RiskHolds.IsHeldAsync(db, o.PaymentId, cancellationToken):
                    // Held by the risk rules: the merchant hears of it when the admin releases it.
                    await Tell(o.BuyerUserId, NotificationTemplates.PaymentHeld, buyerLink);
                    break;
                case OrderEventKind.Pay:
                    await Tell(o.BuyerUserId, NotificationTemplates.OrderPaid, buyerLink);
                    await Tell(o.OwnerUserId, NotificationTemplates.MerchantNewOrder, shopLink);
                    await live.PublishAsync(new NewOrderReceived(o.ShopId, o.Number, o.TotalFen), cancellationToken);
                    break;
                case OrderEventKind.CloseUnpaid:
                    await Tell(o.BuyerUserId, NotificationTemplates.OrderClosed, buyerLink);
                    break;
                case OrderEventKind.Ship or OrderEventKind.PackageShipped:
                    await Tell(o.BuyerUserId, NotificationTemplates.OrderShipped, buyerLink);
                    break;
                case OrderEventKind.OutForDelivery:
                    await Tell(o.BuyerUserId, NotificationTemplates.ParcelOutForDelivery, buyerLink);
                    break;
                case OrderEventKind.ParcelSigned:
                    await Tell(o.BuyerUserId, NotificationTemplates.ParcelSigned, buyerLink);
                    break;
                case OrderEventKind.ParcelProblem:
                    await Tell(o.OwnerUserId, NotificationTemplates.ParcelProblem, "/merchant/shipments");
                    break;
                case OrderEventKind.ConfirmReceipt:
                    // The buyer hears of every step of the order, their own confirmation included (its inbox is the receipt).
                    await Tell(o.BuyerUserId, NotificationTemplates.OrderReceiptConfirmed, buyerLink);
                    await Tell(o.OwnerUserId, NotificationTemplates.OrderReceived, shopLink);
                    break;
                case OrderEventKind.AutoConfirmReceipt:
                    await Tell(o.BuyerUserId, NotificationTemplates.OrderAutoReceived, buyerLink);
                    await Tell(o.OwnerUserId, NotificationTemplates.OrderReceived, shopLink);
                    break;
                case OrderEventKind.CancellationRequested:
                    // Cash on delivery not collected yet: nothing was paid, so nothing is refunded.
                    await Tell(o.OwnerUserId, o.PaidAt is null ? NotificationTemplates.CancellationRequestedUnpaid : NotificationTemplates.CancellationRequested,
                        shopLink);
                    break;
                case OrderEventKind.CancellationRejected:
                    await Tell(o.BuyerUserId, NotificationTemplates.CancellationRejected, buyerLink);
                    break;
                case OrderEventKind.RiskReleased:
                    // The order reaches its merchant only now.
                    await Tell(o.BuyerUserId, NotificationTemplates.PaymentReleased, buyerLink);
                    await Tell(o.OwnerUserId, NotificationTemplates.MerchantNewOrder, shopLink);
                    await live.PublishAsync(new NewOrderReceived(o.ShopId, o.Number, o.TotalFen), cancellationToken);
                    break;
                case OrderEventKind.RiskRefused:
                    await Tell(o.BuyerUserId, NotificationTemplates.PaymentRefused, buyerLink);
                    break;
                case OrderEventKind.CancelWithRefund when news.Any(n => n.OrderId == item.OrderId && n.Kind == OrderEventKind.RiskRefused):
                    // Told once, with the reason, by the refusal above.
                    break;
                case OrderEventKind.CancelWithRefund when item.Detail is null:
                    await Tell(o.BuyerUserId, NotificationTemplates.OrderCancelledOnRequest, buyerLink);
                    break;
                case OrderEventKind.CancelWithRefund:
                    // A refund the provider is still processing is told as such; its arrival is told by RefundArrived.
                    values["amount"] = item.Detail;
                    await Tell(o.BuyerUserId, item.RefundProcessing ? NotificationTemplates.OrderRefundProcessing : NotificationTemplates.OrderRefunded, buyerLink);
                    break;
                case OrderEventKind.RefundArrived:
                    values["amount"] = item.Detail ?? "";
                    await Tell(o.BuyerUserId, NotificationTemplates.RefundArrived, buyerLink);
                    break;
            }
            await live.PublishAsync(new OrderChanged(o.Id, o.Number, o.BuyerUserId, o.ShopId, o.Status), cancellationToken);
        }
    }

    /// <summary>The placeholders every order message may use.</summary>
    internal static Dictionary<string, string> Values(string number, long totalFen, string paymentMethod, string? detail, OrderOptions options) => new()
    {
        ["number"] = number, ["amount"] = new Money(totalFen).ToString(), ["reason"] = detail ?? "", ["package"] = detail ?? "",
        ["minutes"] = options.PaymentTimeoutMinutes.ToString(), ["days"] = options.AutoConfirmDays.ToString(),
        ["method"] = Payments.CashOnDeliveryGateway.Is(paymentMethod) ? "货到付款" : "在线支付",
    };
}
