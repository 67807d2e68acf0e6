using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Risk;

/// <summary>
/// 吴昊 (王芳's customer) signs in on 王芳's phone and orders twice more: both commissions are held for review through the real
/// sign-in trace and payment; the admin voids one, so the admin's queue and 王芳's ledger show a held and a voided commission.
/// </summary>
public sealed class CommissionHoldDemoSeeder(IDbContextFactory<MallDbContext> contexts, SignInTraceRecorder traces, DemoShopper shopper,
    FulfilmentService fulfilment, Orders.Shipping.ShippingService shipping, CommissionHoldService holds) : IDemoSeeder
{
    private const string SharedPhone = "D3M0D3V1CE0000000000000000000001";

    public string Name => "commission-holds";

    public int Order => 440;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var buyer = await db.Users.Where(u => u.PhoneNumber == "13800000024").Select(u => u.Id).SingleAsync(cancellationToken);
        var promoter = await (from b in db.CustomerBindings join d in db.Distributors on b.DistributorId equals d.Id
                              where b.CustomerUserId == buyer select d.UserId).FirstAsync(cancellationToken);
        var product = await db.OrderAttributions.Where(a => a.Order.BuyerUserId == buyer).Select(a => a.Order.Lines.First().ProductId).FirstAsync(cancellationToken);
        await traces.RecordAsync(promoter, SharedPhone, null, cancellationToken);
        await traces.RecordAsync(buyer, SharedPhone, null, cancellationToken);
        var consumer = new Actor(buyer, new HashSet<string> { Roles.Consumer });
        foreach (var key in new[] { "demo-hold-1", "demo-hold-2" })
        {
            var (number, shopId) = await shopper.BuyAsync(consumer, product, Orders.Payments.CashOnDeliveryGateway.GatewayName, key, cancellationToken);
            var merchant = new Actor(await db.Shops.Where(s => s.Id == shopId).Select(s => s.OwnerUserId).SingleAsync(cancellationToken), new HashSet<string> { Roles.Merchant });
            await shipping.ShipAsync(merchant, number, new("zhongtong", "75" + number[^10..]), null, cancellationToken);
            await fulfilment.MarkCashCollectedAsync(merchant, number, cancellationToken);
        }
        var admin = await AdminLookup.FirstAsync(db, cancellationToken);
        var first = (await holds.QueueAsync(admin, CommissionHold.Held, 0, 10, cancellationToken)).Items.OrderBy(h => h.Id).First();
        await holds.ReviewAsync(admin, first.Id, false, "与分销员同一设备下单，经核实为分销员本人代下单", cancellationToken);
    }
}
