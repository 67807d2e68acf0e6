using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Accounts;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Payments.Stripe;
using MallPortal.Core.Orders.Payments.Stripe.Simulator;
using MallPortal.Core.Orders.Risk;
using MallPortal.Core.Orders.Shipping;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders.Risk;

/// <summary>支付风控: payments held for review, attempts that need an SMS code, and the admin's decisions.</summary>
public class PaymentRiskTests
{
    [Fact]
    public async Task A_payment_above_its_shops_line_reaches_the_merchant_only_when_the_admin_releases_it()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await kit.AdminAsync();
        var (buyer, address) = await kit.BuyerAsync();
        var merchant = await kit.MerchantAsync();
        var sku = await kit.SkuAsync();
        await kit.Get<RiskSettingsStore>().SetShopLimitAsync(admin, sku.ShopId, sku.Price);

        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId, 2);

        var queries = kit.Get<OrderQueries>();
        Assert.Null(await queries.GetAsync(merchant, OrderScope.Shop, number));
        Assert.DoesNotContain(number, (await queries.ListAsync(merchant, OrderScope.Shop, new OrderFilter(), 0, 50)).Items.Select(o => o.Number));
        await Assert.ThrowsAsync<DomainException>(() => kit.ShipAsync(number));
        Assert.True((await queries.ListAsync(buyer, OrderScope.Buyer, new OrderFilter(), 0, 50)).Items.Single(o => o.Number == number).UnderReview);
        var mine = await queries.GetAsync(buyer, OrderScope.Buyer, number);
        Assert.True(mine!.UnderReview);
        Assert.Equal(OrderStatus.PendingShipment, mine.Status);
        var cancel = await Assert.ThrowsAsync<DomainException>(() => kit.Get<RefundService>().RequestCancellationAsync(buyer, number, "不想要了"));
        Assert.Contains("安全审核", cancel.Message);
        Assert.Equal(["支付成功，订单安全审核中"], await TitlesAsync(kit, buyer.UserId, "支付成功"));
        Assert.Empty(await TitlesAsync(kit, merchant.UserId, "新订单", number));

        var reviews = kit.Get<RiskReviewService>();
        var row = Assert.Single((await reviews.QueueAsync(admin, PaymentReviewStatus.Pending, 0, 10)).Items);
        Assert.Equal((RiskSignals.ShopLimit, number), (row.Signals, Assert.Single(row.Orders).Number));
        Assert.Contains($"超过该店审核线 {sku.Price}", row.Detail);
        await reviews.DecideAsync(admin, row.Id, release: true, note: null);

        var released = (await queries.GetAsync(merchant, OrderScope.Shop, number))!;
        Assert.False(released.UnderReview);
        Assert.Equal(OrderEventKind.RiskReleased, released.Timeline[^1].Kind);
        Assert.False((await queries.ListAsync(buyer, OrderScope.Buyer, new OrderFilter(), 0, 50)).Items.Single(o => o.Number == number).UnderReview);
        await kit.ShipAsync(number);
        Assert.Equal(["新订单待发货"], await TitlesAsync(kit, merchant.UserId, "新订单", number));
        Assert.Contains("订单已通过安全审核", await TitlesAsync(kit, buyer.UserId, "订单"));
        var again = await Assert.ThrowsAsync<DomainException>(() => reviews.DecideAsync(admin, row.Id, release: true, note: null));
        Assert.Contains("已审核过", again.Message);
        var log = (await reviews.EventsAsync(admin, null, 0, 10)).Items.Where(e => e.PaymentNumber == row.PaymentNumber);
        Assert.Equal([(RiskAction.Released, (RiskRule?)null), (RiskAction.Held, RiskRule.ShopLimit)], log.Select(e => (e.Action, e.Rule)).ToList());
        // The demo's commissions held for a buyer sharing a device with its distributor are in the same log.
        var holds = (await reviews.EventsAsync(admin, RiskRule.SharedWithDistributor, 0, 10)).Items;
        var heldOrders = await kit.QueryAsync(c => c.Commissions.Where(m => m.Hold != Core.Distribution.Risk.CommissionHold.None)
            .Select(m => c.Orders.Single(o => o.Id == m.OrderId).Number).Distinct().ToListAsync());
        Assert.Equal(heldOrders.Order(), holds.Select(e => e.OrderNumber!).Order());
        Assert.All(holds, e => Assert.Equal(RiskAction.CommissionHeld, e.Action));
    }

    [Fact]
    public async Task A_refused_payment_is_refunded_in_full_its_order_cancelled_and_the_buyer_told_why()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await kit.AdminAsync();
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var store = kit.Get<RiskSettingsStore>();
        await store.SaveAsync(admin, (await store.GetAsync()).ToInput() with { HoldAbove = sku.Price });
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 2)])).OrderNumbers);
        await kit.PayAtCashierAsync(buyer, number);
        var reviews = kit.Get<RiskReviewService>();
        var row = Assert.Single((await reviews.QueueAsync(admin, PaymentReviewStatus.Pending, 0, 10)).Items);
        Assert.Equal(RiskSignals.LargePayment, row.Signals);

        var noReason = await Assert.ThrowsAsync<DomainException>(() => reviews.DecideAsync(admin, row.Id, release: false, note: "  "));
        Assert.Contains("拒绝原因", noReason.Message);
        Assert.Single((await reviews.QueueAsync(admin, PaymentReviewStatus.Pending, 0, 10)).Items);

        await reviews.DecideAsync(admin, row.Id, release: false, note: "收货人与账户信息不符，无法核实");

        var order = await kit.OrderAsync(number);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(order.Total, order.Payment.Refunded);
        Assert.Equal(10, (await kit.StockAsync(sku.SkuId)).Available);
        var body = await kit.QueryAsync(c => c.Notifications.Where(n => n.UserId == buyer.UserId && n.Title == "订单未通过安全审核").Select(n => n.Body).SingleAsync());
        Assert.Contains("收货人与账户信息不符", body);
        // Told once, with the reason; the timeline says why the order was cancelled.
        Assert.DoesNotContain("订单已取消并退款", await TitlesAsync(kit, buyer.UserId, "订单", number));
        var timeline = (await kit.Get<OrderQueries>().GetAsync(buyer, OrderScope.Buyer, number))!.Timeline;
        Assert.Equal([OrderEventKind.Placed, OrderEventKind.Pay, OrderEventKind.RiskHeld, OrderEventKind.RiskRefused, OrderEventKind.CancelWithRefund],
            timeline.Select(e => e.Kind).ToList());
        Assert.Equal("收货人与账户信息不符，无法核实", timeline.Single(e => e.Kind == OrderEventKind.RiskRefused).Note);
        var refused = Assert.Single((await reviews.QueueAsync(admin, PaymentReviewStatus.Refused, 0, 10)).Items);
        Assert.False(refused.RefundPending);
        await kit.AssertLedgerReconcilesAsync();
    }

    [Fact]
    public async Task Only_the_platform_admin_reviews_payments_and_edits_the_rules()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _) = await kit.BuyerAsync();
        var merchant = await kit.MerchantAsync();
        var reviews = kit.Get<RiskReviewService>();
        var store = kit.Get<RiskSettingsStore>();
        var input = (await store.GetAsync()).ToInput();
        foreach (var actor in new[] { buyer, merchant })
        {
            await Assert.ThrowsAsync<DomainException>(() => reviews.QueueAsync(actor, PaymentReviewStatus.Pending, 0, 10));
            await Assert.ThrowsAsync<DomainException>(() => reviews.DecideAsync(actor, 1, release: true, note: null));
            await Assert.ThrowsAsync<DomainException>(() => reviews.EventsAsync(actor, null, 0, 10));
            await Assert.ThrowsAsync<DomainException>(() => store.SaveAsync(actor, input with { HoldAbove = Money.Zero }));
            await Assert.ThrowsAsync<DomainException>(() => store.ShopLimitsAsync(actor));
            await Assert.ThrowsAsync<DomainException>(() => store.SetShopLimitAsync(actor, 1, Money.FromYuan(1)));
        }
        Assert.Equal(input, (await store.GetAsync()).ToInput());
    }

    [Fact]
    public async Task Bad_rules_are_refused_field_by_field_and_change_nothing()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await kit.AdminAsync();
        var store = kit.Get<RiskSettingsStore>();
        var before = (await store.GetAsync()).ToInput();

        var window = await Assert.ThrowsAsync<DomainException>(() => store.SaveAsync(admin, before with { AttemptWindowMinutes = 0, HoldAbove = Money.Zero }));
        Assert.Equal(("AttemptWindowMinutes", "统计时长（分钟）须在 1 到 1440 之间"), (window.Field, window.Message));
        var one = await Assert.ThrowsAsync<DomainException>(() => store.SaveAsync(admin, before with { SharedAccountLimit = 1 }));
        Assert.Equal("SharedAccountLimit", one.Field);
        await Assert.ThrowsAsync<DomainException>(() => store.SetShopLimitAsync(admin, 1, Money.FromYuan(-1)));

        Assert.Equal(before, (await store.GetAsync()).ToInput());
        Assert.Equal(before, (await kit.QueryAsync(c => c.RiskSettings.SingleAsync())).ToInput());
    }

    [Fact]
    public async Task Five_declines_of_one_card_by_two_buyers_stop_both_until_they_confirm_by_sms_and_not_a_third()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var sku = await kit.SkuAsync(available: 10);
        var payments = kit.Get<PaymentService>();
        var trace = new ClientTrace("device-x", null);
        async Task<(Actor Buyer, string Number)> CardOrderAsync(string phone)
        {
            var (buyer, address) = await kit.BuyerAsync(phone);
            var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)], StripeGateway.GatewayName);
            return (buyer, Assert.Single(placed.OrderNumbers));
        }
        var first = await CardOrderAsync(OrderTestKit.Buyer);
        var second = await CardOrderAsync(OrderTestKit.OtherBuyer);
        var firstForm = Assert.IsType<ScriptStart>((await payments.StartAsync(first.Buyer, first.Number, OrderTestKit.SiteUrl, client: trace)).Start);
        var secondForm = Assert.IsType<ScriptStart>((await payments.StartAsync(second.Buyer, second.Number, OrderTestKit.SiteUrl, client: new ClientTrace("device-y", null))).Start);

        foreach (var form in new[] { firstForm, firstForm, firstForm, secondForm, secondForm })
        {
            Assert.Equal(402, (await MallPortal.Tests.Orders.Payments.StripeGatewayTests.ConfirmAsync(kit, form, StripeTestCards.Declined)).Status);
        }

        await Assert.ThrowsAsync<RiskVerificationRequiredException>(() => payments.StartAsync(first.Buyer, first.Number, OrderTestKit.SiteUrl, client: trace));
        await Assert.ThrowsAsync<RiskVerificationRequiredException>(() =>
            payments.StartAsync(second.Buyer, second.Number, OrderTestKit.SiteUrl, client: new ClientTrace("device-y", null)));
        var third = await CardOrderAsync("13800000023");
        Assert.IsType<ScriptStart>((await payments.StartAsync(third.Buyer, third.Number, OrderTestKit.SiteUrl, client: new ClientTrace("device-z", null))).Start);
        var events = await kit.QueryAsync(c => c.RiskEvents.Where(e => e.Action == RiskAction.Blocked).Select(e => e.Detail).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.All(events, detail => Assert.Contains("同一银行卡", detail));
        Assert.Equal(5, await kit.QueryAsync(c => c.PaymentAttempts.CountAsync(a => a.CardHash != null)));
    }

    [Fact]
    public async Task A_shop_line_at_or_above_the_platform_line_is_refused_because_it_would_never_apply()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await kit.AdminAsync();
        var store = kit.Get<RiskSettingsStore>();
        await store.SaveAsync(admin, (await store.GetAsync()).ToInput() with { HoldAbove = Money.FromYuan(1000) });

        var refused = await Assert.ThrowsAsync<DomainException>(() => store.SetShopLimitAsync(admin, 1, Money.FromYuan(1000)));
        await store.SetShopLimitAsync(admin, 2, Money.FromYuan(999));

        Assert.Equal(("HoldAbove", "店铺审核线须低于平台审核线 ¥1,000.00，否则不起作用"), (refused.Field, refused.Message));
        Assert.Equal([(2, Money.FromYuan(999))], (await store.ShopLimitsAsync(admin)).Where(l => l.HoldAbove is not null).Select(l => (l.ShopId, l.HoldAbove!.Value)));
    }

    [Fact]
    public async Task The_sixth_attempt_in_ten_minutes_needs_an_sms_code_and_the_right_code_lets_the_buyer_pay()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync();
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);
        var payments = kit.Get<PaymentService>();
        var browser = new ClientTrace("device-of-the-buyer", "203.0.113.7");
        Task<PaymentStart> StartAsync() => payments.StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.Computer, browser);
        for (var i = 0; i < 5; i++)
        {
            await StartAsync();
            kit.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        var stopped = await Assert.ThrowsAsync<RiskVerificationRequiredException>(StartAsync);
        Assert.Contains("短信验证", stopped.Message);
        await Assert.ThrowsAsync<RiskVerificationRequiredException>(StartAsync);
        var risk = kit.Get<PaymentRiskService>();
        await Assert.ThrowsAsync<DomainException>(() => risk.VerifyAsync(buyer, "000000"));
        await Assert.ThrowsAsync<RiskVerificationRequiredException>(StartAsync);

        Assert.Equal("138****0021", await risk.SendCodeAsync(buyer, "203.0.113.7"));
        await risk.VerifyAsync(buyer, await kit.Db.LatestCodeSentToAsync(OrderTestKit.Buyer));

        Assert.IsType<RedirectStart>((await StartAsync()).Start);
        var log = await kit.QueryAsync(c => c.RiskEvents.Where(e => e.Rule == RiskRule.RapidAttempts).OrderBy(e => e.Id)
            .Select(e => new { e.Rule, e.Action, e.Detail }).ToListAsync());
        Assert.Equal([RiskAction.Blocked, RiskAction.Verified], log.Select(e => e.Action).ToList());
        Assert.Equal("10 分钟内同一账号已发起 5 次支付", log[0].Detail);
        // The network and device were kept as salted hashes only.
        Assert.DoesNotContain(await kit.QueryAsync(c => c.PaymentAttempts.Select(a => a.NetworkHash + a.DeviceHash).ToListAsync()),
            h => h.Contains("203.0.113.7") || h.Contains("device-of-the-buyer"));
    }

    [Fact]
    public async Task A_visit_inside_WeChat_that_first_goes_through_sign_in_is_one_attempt()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, _, number) = await kit.PlacedWithAsync(Core.Orders.Payments.WeChatPay.WeChatPayGateway.GatewayName);
        var payments = kit.Get<PaymentService>();
        var openId = kit.Get<Core.Orders.Payments.WeChatPay.Simulator.WeChatOAuthSimulator>().OpenIdOf("buyer-phone");
        for (var visit = 0; visit < 5; visit++)
        {
            // The page starts once without the openid, goes through /wechat/signin and starts again with it.
            await Assert.ThrowsAsync<PayerSignInRequiredException>(() =>
                payments.StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.WeChat, new ClientTrace("wechat-device", null)));
            Assert.IsType<InAppStart>((await payments.StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.WeChat,
                new ClientTrace("wechat-device", null, openId))).Start);
            kit.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(5, await kit.QueryAsync(c => c.PaymentAttempts.CountAsync(a => a.UserId == buyer.UserId)));
        await Assert.ThrowsAsync<RiskVerificationRequiredException>(() =>
            payments.StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.WeChat, new ClientTrace("wechat-device", null, openId)));
    }

    [Fact]
    public async Task A_buyer_stopped_for_attempts_who_pays_at_a_cashier_opened_before_is_held_until_the_admin_decides()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync();
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);
        var payments = kit.Get<PaymentService>();
        var browser = new ClientTrace("device-of-the-buyer", null);
        var first = OrderTestKit.SandboxTradeNo(await payments.StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.Computer, browser));
        for (var i = 0; i < 4; i++)
        {
            await payments.StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.Computer, browser);
        }
        await Assert.ThrowsAsync<RiskVerificationRequiredException>(() => payments.StartAsync(buyer, number, OrderTestKit.SiteUrl, PaymentDevice.Computer, browser));

        await kit.Get<Core.Orders.Payments.Sandbox.SandboxProvider>().PayAsync(first);

        var row = Assert.Single((await kit.Get<RiskReviewService>().QueueAsync(await kit.AdminAsync(), PaymentReviewStatus.Pending, 0, 10)).Items);
        Assert.Equal((RiskSignals.UnverifiedAttempts, number), (row.Signals, row.Orders[0].Number));
        Assert.Null(await kit.Get<OrderQueries>().GetAsync(await kit.MerchantAsync(), OrderScope.Shop, number));
    }

    [Fact]
    public async Task The_third_account_paying_from_one_device_is_held_for_review()
    {
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await kit.AdminAsync();
        var sku = await kit.SkuAsync();
        var numbers = new List<string>();
        foreach (var phone in new[] { OrderTestKit.Buyer, OrderTestKit.OtherBuyer, "13800000023" })
        {
            var (buyer, address) = await kit.BuyerAsync(phone);
            var placed = await kit.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)]);
            await kit.Get<PaymentService>().StartAsync(buyer, placed.OrderNumbers[0], OrderTestKit.SiteUrl, PaymentDevice.Phone,
                new ClientTrace("one-shared-phone", "10.0.0.8"));
            await kit.PayAsync(placed);
            numbers.Add(placed.OrderNumbers[0]);
            kit.Clock.Advance(TimeSpan.FromHours(1));
        }

        var row = Assert.Single((await kit.Get<RiskReviewService>().QueueAsync(admin, PaymentReviewStatus.Pending, 0, 10)).Items);
        Assert.Equal((RiskSignals.SharedDevice, numbers[2]), (row.Signals, row.Orders[0].Number));
        Assert.Equal("同一设备或网络已有 3 个账号付款", row.Detail);
    }

    private static Task<List<string>> TitlesAsync(OrderTestKit kit, int userId, string startsWith, string about = "") =>
        kit.QueryAsync(c => c.Notifications.Where(n => n.UserId == userId && n.Title.StartsWith(startsWith) && n.Body.Contains(about))
            .OrderBy(n => n.Id).Select(n => n.Title).ToListAsync());
}
