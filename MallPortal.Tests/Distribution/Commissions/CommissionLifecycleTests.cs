using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Distribution.Commissions;

/// <summary>A sale through the demo chain 王芳 → 李强, paid, received, settled or refunded, on a real database.</summary>
public sealed class CommissionLifecycleTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    internal static readonly CommissionPolicyInput TwoLevels = new(true, 2, 1000, 500, 0, CommissionBase.PaidAmount, false);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_paid_order_estimates_both_levels_at_once_and_a_replayed_notification_changes_nothing(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (li, wang) = (await kit.RecordAsync(DistributionTestKit.Li), await kit.RecordAsync(DistributionTestKit.Wang));
        await SetPolicyAsync(kit, TwoLevels);
        var (buyer, before) = (await BoundBuyerAsync(kit), await BalancesAsync(kit));
        var sku = await kit.Orders.SkuAsync(available: 10);
        var address = await AddressAsync(kit, buyer);
        var placed = await kit.Orders.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 2)]);
        var notice = kit.Orders.PaidNotice(placed.PaymentNumber, placed.Amount);

        await kit.Orders.NotifyAsync(notice);
        await kit.Orders.NotifyAsync(notice);
        await kit.Orders.NotifyAsync(kit.Orders.PaidNotice(placed.PaymentNumber, placed.Amount));

        var paid = (sku.Price * 2).Fen;
        var rows = await CommissionsAsync(kit, placed.OrderNumbers[0]);
        Assert.Equal([(1, li.Id, paid / 10, CommissionStatus.Estimated), (2, wang.Id, paid / 20, CommissionStatus.Estimated)],
            rows.Select(c => (c.Level, c.DistributorId, c.AmountFen, c.Status)));
        Assert.Equal([1000, 500], rows.Select(r => r.RateBp));
        var after = await BalancesAsync(kit);
        Assert.Equal(before[li.Id].Estimated + paid / 10, after[li.Id].Estimated);
        Assert.Equal(before[wang.Id].Estimated + paid / 20, after[wang.Id].Estimated);
        Assert.Empty(await kit.Get<CommissionReconciliation>().DifferencesAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Received_commissions_freeze_and_settle_only_after_the_after_sales_window(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var li = await kit.RecordAsync(DistributionTestKit.Li);
        await SetPolicyAsync(kit, TwoLevels);
        var buyer = await BoundBuyerAsync(kit);
        var number = await kit.BuyAsync(buyer);
        await kit.Orders.ShipAsync(number);
        await kit.Get<OrderService>().ConfirmReceiptAsync(buyer, number);
        var settlement = kit.Get<CommissionService>();

        Assert.All(await CommissionsAsync(kit, number), c => Assert.Equal(CommissionStatus.Frozen, c.Status));
        kit.Orders.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await settlement.SettleDueAsync(kit.Now);
        Assert.All(await CommissionsAsync(kit, number), c => Assert.Equal(CommissionStatus.Frozen, c.Status));
        var before = (await BalancesAsync(kit))[li.Id];
        kit.Orders.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await settlement.SettleDueAsync(kit.Now) >= 2);
        Assert.Equal(0, await settlement.SettleDueAsync(kit.Now));

        var mine = (await CommissionsAsync(kit, number)).Single(c => c.Level == 1);
        Assert.Equal(CommissionStatus.Settled, mine.Status);
        var after = (await BalancesAsync(kit))[li.Id];
        Assert.Equal((before.Frozen - mine.AmountFen, before.Withdrawable + mine.AmountFen), (after.Frozen, after.Withdrawable));
        var summary = await kit.Get<IncomeQueries>().SummaryAsync(await kit.DistributorAsync(DistributionTestKit.Li));
        Assert.Equal(new Money(Math.Max(0, after.Withdrawable)), summary.Withdrawable);
        Assert.Empty(await kit.Get<CommissionReconciliation>().DifferencesAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_refunded_cancellation_reverses_the_estimated_commission_exactly(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var li = await kit.RecordAsync(DistributionTestKit.Li);
        await SetPolicyAsync(kit, TwoLevels);
        var buyer = await BoundBuyerAsync(kit);
        var before = (await BalancesAsync(kit))[li.Id];
        var sku = await kit.Orders.SkuAsync(available: 10);
        var number = Assert.Single((await kit.Orders.PlaceAsync(buyer, await AddressAsync(kit, buyer), [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);
        await kit.Orders.PayAtCashierAsync(buyer, number);

        var refunds = kit.Get<RefundService>();
        await refunds.DecideAsync(await kit.Orders.MerchantAsync(), await refunds.RequestCancellationAsync(buyer, number, "买错了"), true, null);

        Assert.All(await CommissionsAsync(kit, number), c => Assert.Equal((CommissionStatus.Reversed, c.AmountFen), (c.Status, c.ReversedFen)));
        Assert.Equal(before.Estimated, (await BalancesAsync(kit))[li.Id].Estimated);
        Assert.Empty(await kit.Get<CommissionReconciliation>().DifferencesAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_suspended_upline_earns_nothing_and_cash_on_delivery_earns_only_when_the_cash_is_collected(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (li, wang) = (await kit.RecordAsync(DistributionTestKit.Li), await kit.RecordAsync(DistributionTestKit.Wang));
        await SetPolicyAsync(kit, TwoLevels);
        await kit.Get<DistributorAdminService>().SuspendAsync(await kit.AdminAsync(), wang.Id, "违规推广");
        var buyer = await BoundBuyerAsync(kit);
        var sku = await kit.Orders.SkuAsync(available: 10);
        var placed = await kit.Orders.PlaceAsync(buyer, await AddressAsync(kit, buyer), [new CheckoutLine(sku.SkuId, 1)], CashOnDeliveryGateway.GatewayName);
        var number = placed.OrderNumbers[0];

        Assert.Empty(await CommissionsAsync(kit, number));
        await kit.Orders.ShipAsync(number);
        await kit.Get<FulfilmentService>().MarkCashCollectedAsync(await kit.Orders.MerchantAsync(), number);

        Assert.Equal([(1, li.Id)], (await CommissionsAsync(kit, number)).Select(c => (c.Level, c.DistributorId)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Policies_over_the_cap_negative_or_deeper_than_the_platform_are_refused_and_only_the_own_shop_is_reachable(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var policies = kit.Get<CommissionPolicyService>();
        var merchant = await kit.Orders.MerchantAsync();
        var version = (await policies.GetMineAsync(merchant)).Policy.Version;

        await AssertRefusedAsync("不能超过平台单笔上限 30%", () => policies.SaveAsync(merchant, TwoLevels with { Level1Bp = 2600, Version = version }));
        await AssertRefusedAsync("不能为负数", () => policies.SaveAsync(merchant, TwoLevels with { Level2Bp = -1, Version = version }));
        await AssertRefusedAsync("1 到 2 级之间", () => policies.SaveAsync(merchant, TwoLevels with { Levels = 3, Version = version }));
        await AssertRefusedAsync("已被他人修改", () => policies.SaveAsync(merchant, TwoLevels with { Version = version + 1 }));
        Assert.Equal(version, (await policies.GetMineAsync(merchant)).Policy.Version);

        await policies.SaveAsync(merchant, TwoLevels with { Version = version });
        var other = await kit.Orders.MerchantAsync(OrderTestKit.ShopB);
        Assert.NotEqual(1000, (await policies.GetMineAsync(other)).Policy.Level1Bp);
        var consumer = await kit.ConsumerAsync(OrderTestKit.Buyer);
        await Assert.ThrowsAsync<DomainException>(() => policies.GetMineAsync(consumer));
        await Assert.ThrowsAsync<DomainException>(() => kit.Get<IncomeQueries>().SummaryAsync(consumer));
    }

    internal static async Task SetPolicyAsync(DistributionTestKit kit, CommissionPolicyInput input, string merchantPhone = OrderTestKit.ShopA)
    {
        var merchant = await kit.Orders.MerchantAsync(merchantPhone);
        var policies = kit.Get<CommissionPolicyService>();
        await policies.SaveAsync(merchant, input with { Version = (await policies.GetMineAsync(merchant)).Policy.Version });
    }

    /// <summary>A new customer who arrived through 李强's link and signed in (bound to 李强, upline 王芳).</summary>
    internal static async Task<Actor> BoundBuyerAsync(DistributionTestKit kit)
    {
        var link = await kit.ProductLinkAsync(await kit.DistributorAsync(DistributionTestKit.Li));
        var buyer = await kit.NewUserAsync("139" + Random.Shared.Next(10_000_000, 99_999_999));
        await kit.Get<AttributionService>().OnSignedInAsync(buyer.UserId, new ReferralCookie(link.Code, kit.Now).ToString());
        return buyer;
    }

    private static Task<int> AddressAsync(DistributionTestKit kit, Actor buyer) =>
        kit.Get<Core.Accounts.AddressService>().AddAsync(buyer, new Core.Accounts.AddressInput("陈静", "13800000021", "广东省", "深圳市", "南山区", "科苑路 15 号"), true);

    internal static Task<List<Commission>> CommissionsAsync(DistributionTestKit kit, string number) =>
        kit.QueryAsync(db => db.Commissions.AsNoTracking().Where(c => db.Orders.Any(o => o.Id == c.OrderId && o.Number == number))
            .OrderBy(c => c.Level).ToListAsync());

    private static Task<Dictionary<int, (long Estimated, long Frozen, long Withdrawable)>> BalancesAsync(DistributionTestKit kit) =>
        kit.QueryAsync(db => db.Distributors.ToDictionaryAsync(d => d.Id, d => (d.EstimatedFen, d.FrozenFen, d.WithdrawableFen)));

    private static async Task AssertRefusedAsync(string message, Func<Task> act) =>
        Assert.Contains(message, (await Assert.ThrowsAsync<DomainException>(act)).Message);
}
