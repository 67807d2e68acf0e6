using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace MallPortal.Core.Orders.Payments.Alipay.Simulator;

/// <summary>
/// 刘洋 pays an order with Alipay at the simulator's cashier, as a buyer would: the order opens, the signed form reaches the
/// simulated gateway, the buyer pays and comes back, and the return page's query settles it (the app is not listening
/// yet, so the notification waits for Alipay's next attempt, which it then acknowledges as a duplicate).
/// </summary>
public sealed class AlipayDemoSeeder(IDbContextFactory<MallDbContext> contexts, DemoShopper shopper, PaymentService payments, AlipaySimulator simulator,
    IConfiguration configuration) : IDemoSeeder
{
    public string Name => "payments";

    public int Order => 470;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var buyerId = await db.Users.Where(u => u.PhoneNumber == "13800000022").Select(u => u.Id).SingleAsync(cancellationToken);
        var buyer = new Actor(buyerId, new HashSet<string> { Roles.Consumer });
        var (number, _) = await shopper.BuyAsync(buyer, 27, AlipayGateway.GatewayName, "demo-alipay", cancellationToken);
        var site = configuration["Web:PublicBaseUrl"] is { Length: > 0 } configured ? configured : "http://127.0.0.1:5096/";
        var start = await payments.StartAsync(buyer, number, site, PaymentDevice.Computer, cancellationToken);
        var (trade, error) = simulator.OpenCashier(((FormStart)start.Start).Fields.ToDictionary());
        await simulator.PayAsync(trade?.TradeNo ?? throw new InvalidOperationException(error), cancellationToken);
        await payments.RefreshAsync(buyer, start.PaymentNumber, cancellationToken);
    }
}
