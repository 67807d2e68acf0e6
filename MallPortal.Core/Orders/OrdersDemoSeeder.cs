using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog.Reviews;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>
/// A few orders of the demo consumer 刘洋 (13800000022) through the real services, so the shop opens with order lists,
/// sales counts and a review: one completed and reviewed, one on its way, one to ship, one waiting for payment.
/// </summary>
public sealed class OrdersDemoSeeder(IDbContextFactory<MallDbContext> contexts, AddressService addresses, DemoShopper shopper,
    FulfilmentService fulfilment, Shipping.ShippingService shipping, OrderService orders, ReviewService reviews) : IDemoSeeder
{
    public string Name => "orders";

    public int Order => 300;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var buyerId = await db.Users.Where(u => u.PhoneNumber == "13800000022").Select(u => u.Id).SingleAsync(cancellationToken);
        var buyer = new Actor(buyerId, new HashSet<string> { Roles.Consumer });
        await addresses.AddAsync(buyer, new AddressInput("刘洋", "13800000022", "上海市", "上海市", "浦东新区", "张杨路 500 号 12 楼"), true,
            cancellationToken);
        var owners = await db.Shops.OrderBy(s => s.Id).Select(s => new { s.Id, s.OwnerUserId }).ToListAsync(cancellationToken);
        var merchants = owners.ToDictionary(s => s.Id, s => new Actor(s.OwnerUserId, new HashSet<string> { Roles.Merchant, Roles.Consumer }));
        Task<(string Number, int ShopId)> BuyAsync(int productId, int quantity, string method) =>
            shopper.BuyAsync(buyer, productId, method, $"demo-{productId}-{method}", cancellationToken, quantity);

        var done = await BuyAsync(13, 1, CashOnDeliveryGateway.GatewayName);
        await shipping.ShipAsync(merchants[done.ShopId], done.Number, new("shunfeng", "SF1000000000001"), null, cancellationToken);
        await fulfilment.MarkCashCollectedAsync(merchants[done.ShopId], done.Number, cancellationToken);
        await orders.ConfirmReceiptAsync(buyer, done.Number, cancellationToken);
        var lineId = await db.OrderLines.Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.Number == done.Number)).Select(l => l.Id).FirstAsync(cancellationToken);
        await reviews.SubmitAsync(buyer, lineId, 5, "音质比想象中好，语音控制灯和空调都很灵，发货也快。", [], cancellationToken);

        var onTheWay = await BuyAsync(27, 2, CashOnDeliveryGateway.GatewayName);
        await shipping.ShipAsync(merchants[onTheWay.ShopId], onTheWay.Number, new("zhongtong", "780000000002"), null, cancellationToken);
        await BuyAsync(41, 1, CashOnDeliveryGateway.GatewayName);
        await BuyAsync(21, 1, SandboxGateway.GatewayName);
    }
}
