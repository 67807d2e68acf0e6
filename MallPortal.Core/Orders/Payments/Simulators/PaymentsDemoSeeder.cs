using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Payments.Alipay;
using MallPortal.Core.Orders.Payments.Alipay.Simulator;
using MallPortal.Core.Orders.Payments.UnionPay;
using MallPortal.Core.Orders.Payments.UnionPay.Simulator;
using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Orders.Payments.Stripe.Simulator;
using MallPortal.Core.Orders.Payments.WeChatPay;
using MallPortal.Core.Orders.Payments.WeChatPay.Simulator;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Core.Orders.Payments.Simulators;

/// <summary>
/// 刘洋 pays with the simulated providers as a buyer would (never with a live one): an Alipay order at the simulator's
/// cashier, settled by the return page's query (the app is not listening yet, so Alipay's notification comes again
/// later and is acknowledged as a duplicate); a WeChat Pay order scanned and paid, then cancelled before shipment and
/// refunded: the refund shows as processing until the query job hears from WeChat Pay that it succeeded (within a minute);
/// a UnionPay order paid by card at the simulator's front gateway; a card order paid with Stripe's test card 4242 at the simulated card form, settled by the return page's query.
/// </summary>
public sealed class PaymentsDemoSeeder(IDbContextFactory<MallDbContext> contexts, DemoShopper shopper, PaymentService payments, RefundService refunds,
    IServiceProvider services, DemoSite demoSite) : IDemoSeeder
{
    public string Name => "payments";

    public int Order => 470;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var buyerId = await db.Users.Where(u => u.PhoneNumber == "13800000022").Select(u => u.Id).SingleAsync(cancellationToken);
        var buyer = new Actor(buyerId, new HashSet<string> { Roles.Consumer });
        var site = demoSite.BaseUrl;
        if (services.GetService<AlipaySimulator>() is { } alipay)
        {
            var (number, _) = await shopper.BuyAsync(buyer, 27, AlipayGateway.GatewayName, "demo-alipay", cancellationToken);
            var start = await payments.StartAsync(buyer, number, site, PaymentDevice.Computer, cancellationToken: cancellationToken);
            var (trade, error) = alipay.OpenCashier(((FormStart)start.Start).Fields.ToDictionary());
            await alipay.PayAsync(trade?.TradeNo ?? throw new InvalidOperationException(error), cancellationToken);
            await payments.RefreshAsync(buyer, start.PaymentNumber, cancellationToken);
        }
        if (services.GetService<WeChatPaySimulator>() is { } wechat)
        {
            var (number, shopId) = await shopper.BuyAsync(buyer, 21, WeChatPayGateway.GatewayName, "demo-wechatpay", cancellationToken);
            var start = await payments.StartAsync(buyer, number, site, PaymentDevice.Computer, cancellationToken: cancellationToken);
            await wechat.PayAsync(((QrCodeStart)start.Start).Payload, cancellationToken);
            await payments.RefreshAsync(buyer, start.PaymentNumber, cancellationToken);
            var refund = await refunds.RequestCancellationAsync(buyer, number, "拍错了，想换个颜色", cancellationToken);
            var owner = await db.Shops.Where(s => s.Id == shopId).Select(s => s.OwnerUserId).SingleAsync(cancellationToken);
            await refunds.DecideAsync(new Actor(owner, new HashSet<string> { Roles.Merchant }), refund, true, null, cancellationToken);
        }
        if (services.GetService<UnionPaySimulator>() is { } unionPay)
        {
            var (number, _) = await shopper.BuyAsync(buyer, 32, UnionPayGateway.GatewayName, "demo-unionpay", cancellationToken);
            var start = await payments.StartAsync(buyer, number, site, PaymentDevice.Computer, cancellationToken: cancellationToken);
            var (trade, error) = unionPay.OpenCashier(((FormStart)start.Start).Fields.ToDictionary());
            await unionPay.PayAsync(trade?.OrderId ?? throw new InvalidOperationException(error), UnionPaySimulator.TestCard, cancellationToken);
            await payments.RefreshAsync(buyer, start.PaymentNumber, cancellationToken);
        }
        if (services.GetService<StripeSimulator>() is { } stripe)
        {
            var (number, _) = await shopper.BuyAsync(buyer, 22, StripeGateway.GatewayName, "demo-stripe", cancellationToken);
            var start = await payments.StartAsync(buyer, number, site, PaymentDevice.Computer, cancellationToken: cancellationToken);
            var card = (ScriptStart)start.Start;
            await stripe.ConfirmAsync(card.Parameters["client_secret"].Split("_secret_")[0], stripe.CardForm(card, StripeTestCards.Succeeds), cancellationToken);
            await payments.RefreshAsync(buyer, start.PaymentNumber, cancellationToken);
        }
    }
}
