using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders;

/// <summary>
/// What a checkout will write, read and built before its write turn (the address, today's prices, the orders with their
/// numbers and the payment, the messages), and what it tells people after the commit. Nothing here writes.
/// </summary>
public sealed class CheckoutDrafts(OrderNumbers numbers, IOptions<OrderOptions> options, CheckoutNotices notices, TimeProvider clock)
{
    public async Task<CheckoutDraft> DraftAsync(MallDbContext db, Actor actor, CheckoutInput input, IPaymentGateway gateway,
        CancellationToken cancellationToken)
    {
        var orders = await BuildOrdersAsync(db, actor, input, gateway, cancellationToken);
        return new CheckoutDraft(orders, await notices.PrepareAsync(db, orders, gateway.PaysOnline, cancellationToken));
    }

    /// <summary>After the commit: the inboxes and the dispatcher are woken and the stock figures go live.</summary>
    public Task AnnounceAsync(CheckoutDraft draft, IReadOnlyList<StockAlert> opened, CancellationToken cancellationToken) =>
        notices.AfterCommitAsync(draft.Messages, draft.Orders, opened, cancellationToken);

    /// <summary>One order per shop at today's prices, to the buyer's own address, all covered by one payment (not saved yet).</summary>
    private async Task<List<Order>> BuildOrdersAsync(MallDbContext db, Actor actor, CheckoutInput input, IPaymentGateway gateway,
        CancellationToken cancellationToken)
    {
        var address = await db.ShippingAddresses.AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AddressId && a.UserId == actor.UserId, cancellationToken)
            ?? throw new DomainException(CoreText.AddressNotFound, "AddressId");
        var preview = await CheckoutCatalog.PriceAsync(db, input.Lines, cancellationToken);
        if (preview.Problems.Count > 0)
        {
            throw new DomainException(string.Join("；", preview.Problems), "Lines");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var payment = new Payment(numbers.Payment(now), actor.UserId, gateway.Name, preview.Total, input.IdempotencyKey, now);
        var recipient = new OrderRecipient(address.RecipientName, address.Mobile, address.Province, address.City, address.District, address.Detail);
        var payBy = now.AddMinutes(options.Value.PaymentTimeoutMinutes);
        var orders = preview.Shops.Select(shop => Order.Place(numbers.Order(now), actor.UserId, shop.ShopId, payment, recipient,
            shop.Items.Select(i => new OrderLine(i.ProductId, i.SkuId, i.Title, i.SpecText, i.ImagePath, i.UnitPrice, i.Quantity)).ToList(),
            shop.ShippingFee, input.Notes?.GetValueOrDefault(shop.ShopId), now, payBy)).ToList();
        if (!gateway.PaysOnline)
        {
            orders.ForEach(o => o.Apply(OrderTrigger.ChooseCashOnDelivery, now, actor.UserId));
        }
        return orders;
    }
}

/// <summary>The orders (one per shop, one payment for all) and their messages, not saved yet.</summary>
public sealed record CheckoutDraft(IReadOnlyList<Order> Orders, IReadOnlyList<PreparedNotification> Messages);
