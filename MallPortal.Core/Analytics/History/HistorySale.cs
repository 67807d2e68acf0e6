using System.Globalization;
using MallPortal.Core.Common;
using MallPortal.Core.Distribution;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;

namespace MallPortal.Core.Analytics.History;

/// <summary>
/// One generated order with what happens to it later: it is refunded (cancelled before shipment; asked for at
/// <see cref="RefundAskedAt"/>, granted at <see cref="RefundAt"/>), or completed at <see cref="CompletedAt"/>; a distributor
/// may have brought it.
/// </summary>
internal sealed record HistorySale(Order Order, HistoryShop Shop, DateTime? CompletedAt, DateTime? RefundAt, HistoryDistributor? Distributor,
    ShareChannel? Channel)
{
    public DateTime RefundAskedAt { get; init; }

    public string RefundReason { get; init; } = "";
}

/// <summary>
/// Builds one order's life through the entities' own steps (placed, paid or chosen cash on delivery, shipped, received),
/// as a buyer and a merchant would have taken them. Every moment lies before <c>now</c>.
/// </summary>
internal static class HistorySales
{
    /// <summary>Gateways by share of payments: Alipay and WeChat Pay carry most; cards and cash on delivery are few.</summary>
    public static readonly IReadOnlyList<(string Gateway, int Weight)> Gateways =
        [("alipay", 46), ("wechatpay", 40), ("unionpay", 6), ("stripe", 3), ("cod", 5)];

    private static readonly int[] GatewayWeights = Gateways.Select(g => g.Weight).ToArray();

    /// <summary>A number no service makes: theirs are digits only, these start with H (history); the day's sequence keeps them apart.</summary>
    public static string Number(string prefix, DateTime localPaidAt, int sequence) =>
        prefix + localPaidAt.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + sequence.ToString("D6", CultureInfo.InvariantCulture);

    public static string PickGateway(Random random) => Gateways[HistoryCalendar.Pick(GatewayWeights, random)].Gateway;

    public static Order Place(HistoryShop shop, HistoryBuyer buyer, string gateway, string number, string paymentNumber, DateTime placedAt, Random random)
    {
        var lines = PickLines(shop, random);
        var itemsFen = lines.Sum(l => l.Amount.Fen);
        var shipping = shop.FreeShippingOverFen is { } over && itemsFen >= over ? Money.Zero : new Money(shop.ShippingFen);
        var payment = new Payment(paymentNumber, buyer.UserId, gateway, new Money(itemsFen) + shipping, number, placedAt);
        var region = buyer.Region;
        var recipient = new OrderRecipient(buyer.Nickname, buyer.Mobile, region.Province, region.City, region.District,
            $"{region.District}人民路{1 + random.Next(300)}号");
        return Order.Place(number, buyer.UserId, shop.Id, payment, recipient, lines, shipping, null, placedAt, placedAt.AddMinutes(30));
    }

    /// <summary>The gateway's notification: paid online at <paramref name="paidAt"/>.</summary>
    public static void PayOnline(Order order, DateTime paidAt)
    {
        order.Apply(OrderTrigger.Pay, paidAt, null);
        order.Payment.MarkPaid("HT" + order.Number[1..], paidAt);
    }

    /// <summary>Shipped within a day or so, received a few days later (or both squeezed before <paramref name="now"/> for the last days).</summary>
    public static DateTime ShipAndComplete(Order order, HistoryShop shop, DateTime paidAt, DateTime now, Random random)
    {
        var (shippedAt, completedAt) = Later(paidAt, now, random);
        order.Apply(OrderTrigger.Ship, shippedAt, shop.OwnerUserId);
        var byBuyer = random.Next(10) < 7;
        order.Apply(byBuyer ? OrderTrigger.ConfirmReceipt : OrderTrigger.AutoConfirmReceipt, completedAt, byBuyer ? order.BuyerUserId : null);
        return completedAt;
    }

    /// <summary>Cash on delivery: chosen at placement, shipped, the cash collected at the door (the sale's moment), then received.</summary>
    public static DateTime CollectCashAndComplete(Order order, HistoryShop shop, DateTime paidAt, DateTime now, Random random)
    {
        order.Apply(OrderTrigger.ChooseCashOnDelivery, order.PlacedAt, order.BuyerUserId);
        order.Apply(OrderTrigger.Ship, order.PlacedAt.AddHours(3 + random.Next(18)), shop.OwnerUserId);
        order.MarkCashCollected(paidAt, shop.OwnerUserId);
        order.Payment.MarkCollected(paidAt);
        var completedAt = paidAt + TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5 + random.Next(120)).Ticks, (now - paidAt).Ticks / 2));
        order.Apply(OrderTrigger.ConfirmReceipt, completedAt, order.BuyerUserId);
        return completedAt;
    }

    private static (DateTime Shipped, DateTime Completed) Later(DateTime paidAt, DateTime now, Random random)
    {
        var shipped = paidAt.AddHours(2 + random.Next(30));
        var completed = shipped.AddHours(40 + random.Next(100));
        if (completed < now)
        {
            return (shipped, completed);
        }
        var room = (now - paidAt).Ticks;
        return (paidAt + TimeSpan.FromTicks(room / 4), paidAt + TimeSpan.FromTicks(room / 2));
    }

    /// <summary>One to three different SKUs of the shop, one to three of each (mostly one), at their selling prices.</summary>
    private static List<OrderLine> PickLines(HistoryShop shop, Random random)
    {
        var count = Math.Min(shop.Skus.Count, random.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 });
        var picked = new HashSet<int>();
        while (picked.Count < count)
        {
            picked.Add(random.Next(shop.Skus.Count));
        }
        return picked.Select(i => shop.Skus[i]).Select(s => new OrderLine(s.ProductId, s.SkuId, s.Title, s.SpecText, s.ImagePath, new Money(s.PriceFen),
            random.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 })).ToList();
    }
}
