using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Risk;

/// <summary>
/// The risk review's demo, through the real services: 华南数码旗舰店 reviews its orders above ¥8,000; 刘洋 pays two such
/// orders in the sandbox: one the admin released (the merchant has it), one still waiting in 支付风控.
/// </summary>
public sealed class RiskDemoSeeder(IDbContextFactory<MallDbContext> contexts, DemoShopper shopper, PaymentService payments, PaymentGateways gateways,
    SandboxProvider sandbox, RiskSettingsStore settings, RiskReviewService reviews, DemoSite site) : IDemoSeeder
{
    private const int FoldPhone = 4;
    private const int ProPhone = 2;

    public string Name => "risk";

    public int Order => 480;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (gateways.Find(SandboxGateway.GatewayName) is null)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var admin = await AdminLookup.FirstAsync(db, cancellationToken);
        var buyerId = await db.Users.Where(u => u.PhoneNumber == "13800000022").Select(u => u.Id).SingleAsync(cancellationToken);
        var buyer = new Actor(buyerId, new HashSet<string> { Roles.Consumer });
        var shopId = await db.Products.Where(p => p.Id == FoldPhone).Select(p => p.ShopId).SingleAsync(cancellationToken);
        await settings.SetShopLimitAsync(admin, shopId, Money.FromYuan(8000), cancellationToken);

        await PayAsync(buyer, ProPhone, "demo-risk-released", cancellationToken);
        var held = (await reviews.QueueAsync(admin, PaymentReviewStatus.Pending, 0, 10, cancellationToken)).Items.Single();
        await reviews.DecideAsync(admin, held.Id, true, "已电话联系买家，确认为本人购买", cancellationToken);
        await PayAsync(buyer, FoldPhone, "demo-risk-held", cancellationToken);
    }

    private async Task PayAsync(Actor buyer, int productId, string key, CancellationToken cancellationToken)
    {
        var (number, _) = await shopper.BuyAsync(buyer, productId, SandboxGateway.GatewayName, key, cancellationToken, quantity: 2);
        var start = await payments.StartAsync(buyer, number, site.BaseUrl, cancellationToken: cancellationToken);
        var url = ((RedirectStart)start.Start).Url;
        await sandbox.PayAsync(url[(url.LastIndexOf('/') + 1)..], cancellationToken);
        await payments.RefreshAsync(buyer, start.PaymentNumber, cancellationToken);
    }
}
