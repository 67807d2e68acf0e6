using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// The demo shops pay two levels (8 % and 3 %), and the demo network's cash-on-delivery orders move on through the real
/// services: all are shipped and their cash collected (commission estimated for 王芳 or 李强 and their upline), and 孙丽
/// confirms receipt of hers and of a second, larger order through 王芳 (frozen until the after-sales window closes).
/// </summary>
public sealed class CommissionDemoSeeder(IDbContextFactory<MallDbContext> contexts, CommissionPolicyService policies, FulfilmentService fulfilment, Orders.Shipping.ShippingService shipping,
    OrderService orders, DemoShopper shopper) : IDemoSeeder
{
    public string Name => "commissions";

    public int Order => 410;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owners = await db.Shops.OrderBy(s => s.Id).Select(s => s.OwnerUserId).ToListAsync(cancellationToken);
        foreach (var owner in owners)
        {
            var merchant = new Actor(owner, new HashSet<string> { Roles.Merchant });
            var version = (await policies.GetMineAsync(merchant, cancellationToken)).Policy.Version;
            await policies.SaveAsync(merchant, new CommissionPolicyInput(true, 2, 800, 300, 0, CommissionBase.PaidAmount, false, version), cancellationToken);
        }
        // 孙丽 (王芳's customer) buys three more speakers, so 王芳 has enough settled commission for the demo's withdrawals.
        var sunLi = await db.Users.Where(u => u.PhoneNumber == "13800000023").Select(u => u.Id).SingleAsync(cancellationToken);
        var first = await db.OrderAttributions.Where(a => a.Order.BuyerUserId == sunLi).Select(a => a.Order.Lines.First().ProductId).FirstAsync(cancellationToken);
        await shopper.BuyAsync(new Actor(sunLi, new HashSet<string> { Roles.Consumer }), first, Orders.Payments.CashOnDeliveryGateway.GatewayName,
            "demo-commission-repeat", cancellationToken, quantity: 3);
        var promoted = await (from a in db.OrderAttributions
                              join o in db.Orders on a.OrderId equals o.Id
                              join s in db.Shops on o.ShopId equals s.Id
                              orderby o.Id
                              select new { o.Number, o.BuyerUserId, s.OwnerUserId }).ToListAsync(cancellationToken);
        for (var i = 0; i < promoted.Count; i++)
        {
            var merchant = new Actor(promoted[i].OwnerUserId, new HashSet<string> { Roles.Merchant });
            await shipping.ShipAsync(merchant, promoted[i].Number, new("shunfeng", $"SF{7100000000000 + i}"), null, cancellationToken);
            await fulfilment.MarkCashCollectedAsync(merchant, promoted[i].Number, cancellationToken);
            if (promoted[i].BuyerUserId == sunLi)
            {
                await orders.ConfirmReceiptAsync(new Actor(promoted[i].BuyerUserId, new HashSet<string> { Roles.Consumer }), promoted[i].Number, cancellationToken);
            }
        }
    }
}
