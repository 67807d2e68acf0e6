using System.Net;
using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Distribution.Funds;
using MallPortal.Core.Distribution.Risk;
using MallPortal.Core.Distribution.Withdrawals;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Settlement;
using MallPortal.Tests.Distribution.Commissions;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Distribution.Risk;

/// <summary>Sales through 李强 (upline 王芳) whose buyer looks like 李强 himself: held, reviewed by the admin, released or voided.</summary>
public sealed class CommissionHoldTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static readonly CommissionPolicyInput TwoLevels = new(true, 2, 1000, 500, 0, CommissionBase.PaidAmount, false);

    [Theory, MemberData(nameof(Providers))]
    public async Task An_order_to_the_promoters_phone_holds_only_his_commission_which_settles_once_released(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        await CommissionLifecycleTests.SetPolicyAsync(kit, TwoLevels);
        var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        var number = await ReceivedAsync(kit, buyer, recipientMobile: DistributionTestKit.Li);

        var rows = await CommissionLifecycleTests.CommissionsAsync(kit, number);
        Assert.Equal([(1, CommissionHold.Held, CommissionRisk.SharedPhone), (2, CommissionHold.None, CommissionRisk.None)], rows.Select(c => (c.Level, c.Hold, c.Risk)));
        var admin = await kit.AdminAsync();
        Assert.True(await kit.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == admin.UserId && n.Title == "有佣金待风控审核" && n.Body.Contains(number))));
        kit.Orders.Clock.Advance(TimeSpan.FromDays(8));
        await kit.Get<CommissionService>().SettleDueAsync(kit.Now);
        Assert.Equal([CommissionStatus.Frozen, CommissionStatus.Settled], (await CommissionLifecycleTests.CommissionsAsync(kit, number)).Select(c => c.Status));

        var queue = await kit.Get<CommissionHoldService>().QueueAsync(admin, CommissionHold.Held, 0, 20);
        var row = Assert.Single(queue.Items, r => r.OrderNumber == number);
        Assert.Equal(("李强", "买家与分销员手机号相同"), (row.Distributor, CommissionRiskText.Describe(row.Risk)));
        var withdrawable = await WithdrawableAsync(kit, DistributionTestKit.Li);
        await kit.Get<CommissionHoldService>().ReviewAsync(admin, row.Id, true, null);

        var mine = (await CommissionLifecycleTests.CommissionsAsync(kit, number))[0];
        Assert.Equal((CommissionStatus.Settled, CommissionHold.Released), (mine.Status, mine.Hold));
        Assert.Equal(withdrawable + mine.AmountFen, await WithdrawableAsync(kit, DistributionTestKit.Li));
        var li = await kit.RecordAsync(DistributionTestKit.Li);
        Assert.True(await kit.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == li.UserId && n.Title == "佣金审核已通过")));
        Assert.Empty(await kit.Get<CommissionReconciliation>().DifferencesAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_voided_commission_goes_back_to_the_shop_once_and_only_the_admin_may_review(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        await CommissionLifecycleTests.SetPolicyAsync(kit, TwoLevels);
        var start = kit.Now;
        var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        var liUser = await kit.RecordAsync(DistributionTestKit.Li);
        // 李强's own address book holds the address the order goes to.
        await kit.Get<AddressService>().AddAsync(await kit.DistributorAsync(DistributionTestKit.Li), Address("李强", "13800000012"), false);
        var number = await ReceivedAsync(kit, buyer, "13700000000");
        var held = (await CommissionLifecycleTests.CommissionsAsync(kit, number))[0];
        Assert.Equal((CommissionHold.Held, CommissionRisk.SharedAddress), (held.Hold, held.Risk));
        var holds = kit.Get<CommissionHoldService>();
        var (before, shopBefore) = (await kit.RecordAsync(DistributionTestKit.Li), await ShopPendingAsync(kit));

        foreach (var outsider in new[] { await kit.DistributorAsync(DistributionTestKit.Li), await kit.Orders.MerchantAsync(), await kit.ConsumerAsync(OrderTestKit.Buyer) })
        {
            await Assert.ThrowsAsync<DomainException>(() => holds.ReviewAsync(outsider, held.Id, true, null));
            await Assert.ThrowsAsync<DomainException>(() => holds.QueueAsync(outsider, CommissionHold.Held, 0, 20));
        }
        var admin = await kit.AdminAsync();
        Assert.Contains("请填写原因", (await Assert.ThrowsAsync<DomainException>(() => holds.ReviewAsync(admin, held.Id, false, " "))).Message);
        Assert.Equal(CommissionHold.Held, (await CommissionLifecycleTests.CommissionsAsync(kit, number))[0].Hold);
        await holds.ReviewAsync(admin, held.Id, false, "收货地址为分销员本人地址，系自买自返");
        Assert.Contains("已经审核过", (await Assert.ThrowsAsync<DomainException>(() => holds.ReviewAsync(admin, held.Id, true, null))).Message);

        var voided = (await CommissionLifecycleTests.CommissionsAsync(kit, number))[0];
        Assert.Equal((CommissionStatus.Reversed, voided.AmountFen, CommissionHold.Voided), (voided.Status, voided.ReversedFen, voided.Hold));
        Assert.Equal(before.FrozenFen - voided.AmountFen, (await kit.RecordAsync(DistributionTestKit.Li)).FrozenFen);
        Assert.Equal(shopBefore + voided.AmountFen, await ShopPendingAsync(kit));
        Assert.True(await kit.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == liUser.UserId && n.Body.Contains("系自买自返"))));
        Assert.Empty(await kit.Get<CommissionReconciliation>().DifferencesAsync());
        Assert.True((await kit.Get<FundsReconciliation>().RunAsync(admin, new Period(start, kit.Now.AddMinutes(1)))).Balanced);
        kit.Orders.Clock.Advance(TimeSpan.FromDays(8));
        await kit.Get<CommissionService>().SettleDueAsync(kit.Now);
        Assert.Equal(CommissionStatus.Reversed, (await CommissionLifecycleTests.CommissionsAsync(kit, number))[0].Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Signing_in_on_the_promoters_device_or_public_network_holds_but_a_shared_private_network_does_not(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        await CommissionLifecycleTests.SetPolicyAsync(kit, TwoLevels);
        var traces = kit.Get<SignInTraceRecorder>();
        var li = await kit.RecordAsync(DistributionTestKit.Li);
        await traces.RecordAsync(li.UserId, "A1B2C3D4E5F60718293A4B5C6D7E8F90", IPAddress.Parse("192.168.1.8"));
        await traces.RecordAsync(li.UserId, null, IPAddress.Parse("203.0.113.9"));

        var office = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        await traces.RecordAsync(office.UserId, "0000000000000000000000000000000F", IPAddress.Parse("192.168.1.8"));
        var phone = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        await traces.RecordAsync(phone.UserId, "A1B2C3D4E5F60718293A4B5C6D7E8F90", IPAddress.Parse("10.0.0.3"));
        var home = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        await traces.RecordAsync(home.UserId, null, IPAddress.Parse("203.0.113.9"));

        Assert.Equal(CommissionHold.None, (await CommissionLifecycleTests.CommissionsAsync(kit, await kit.BuyAsync(office)))[0].Hold);
        Assert.Equal(CommissionRisk.SharedDevice, (await CommissionLifecycleTests.CommissionsAsync(kit, await kit.BuyAsync(phone)))[0].Risk);
        Assert.Equal(CommissionRisk.SharedDevice, (await CommissionLifecycleTests.CommissionsAsync(kit, await kit.BuyAsync(home)))[0].Risk);
        Assert.DoesNotContain(await kit.QueryAsync(db => db.SignInTraces.Select(t => t.DeviceHash).ToListAsync()), h => h == "A1B2C3D4E5F60718293A4B5C6D7E8F90");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_upline_buying_through_its_own_downline_and_a_burst_of_refunds_are_held(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        await CommissionLifecycleTests.SetPolicyAsync(kit, TwoLevels);
        var link = await kit.ProductLinkAsync(await kit.DistributorAsync(DistributionTestKit.Li));
        var wang = await kit.DistributorAsync(DistributionTestKit.Wang);
        await kit.Get<AttributionService>().OnSignedInAsync(wang.UserId, new ReferralCookie(link.Code, kit.Now).ToString());
        var own = await CommissionLifecycleTests.CommissionsAsync(kit, await kit.BuyAsync(wang));
        Assert.Equal([(1, CommissionRisk.None), (2, CommissionRisk.SelfDealing)], own.Select(c => (c.Level, c.Risk)));

        var refunds = kit.Get<RefundService>();
        var merchant = await kit.Orders.MerchantAsync();
        // Enough refunded orders that, with the demo's recent orders through 李强, half of his last week's orders were refunded.
        var since = kit.Now.AddDays(-CommissionRiskPolicy.BurstDays);
        var recent = await kit.QueryAsync(db => db.OrderAttributions.CountAsync(a => a.DistributorId == own[0].DistributorId && a.Order.PaidAt >= since));
        for (var i = 0; i < Math.Max(CommissionRiskPolicy.BurstMinOrders, recent + 1); i++)
        {
            var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
            var sku = await kit.Orders.SkuAsync(available: 50);
            var address = await kit.Get<AddressService>().AddAsync(buyer, Address("陈静", "13800000021"), true);
            var number = Assert.Single((await kit.Orders.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 1)])).OrderNumbers);
            await kit.Orders.PayAtCashierAsync(buyer, number);
            await refunds.DecideAsync(merchant, await refunds.RequestCancellationAsync(buyer, number, "不想要了"), true, null);
        }
        var next = (await CommissionLifecycleTests.CommissionsAsync(kit, await kit.BuyAsync(await CommissionLifecycleTests.BoundBuyerAsync(kit))))[0];
        Assert.Equal((CommissionHold.Held, CommissionRisk.RefundBurst), (next.Hold, next.Risk));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_distributor_with_a_held_commission_is_never_approved_automatically(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var li = await WithdrawalTests.SettledLiAsync(kit);
        var store = kit.Get<DistributionSettingsStore>();
        await store.SaveAsync(await kit.AdminAsync(), (await store.GetAsync()).ToInput() with { AutoApproveUpToFen = 5_000 });
        var withdrawals = kit.Get<WithdrawalService>();
        var account = new PayoutAccount(PayoutMethod.Alipay, "13800000012", "李强");
        var first = await withdrawals.RequestAsync(li, new WithdrawalRequest(Money.FromYuan(10), account));
        await kit.BuyAsync(await HeldBuyerAsync(kit));

        var second = await withdrawals.RequestAsync(li, new WithdrawalRequest(Money.FromYuan(10), account));

        var rows = (await kit.Get<WithdrawalQueries>().MineAsync(li, 0, 10)).Items;
        Assert.Equal(WithdrawalStatus.Approved, rows.Single(r => r.Number == first).Status);
        Assert.Equal(WithdrawalStatus.Reviewing, rows.Single(r => r.Number == second).Status);
    }

    /// <summary>A buyer bound to 李强 who signed in on 李强's phone.</summary>
    private static async Task<Actor> HeldBuyerAsync(DistributionTestKit kit)
    {
        var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        var traces = kit.Get<SignInTraceRecorder>();
        await traces.RecordAsync((await kit.RecordAsync(DistributionTestKit.Li)).UserId, "FFFF0000FFFF0000FFFF0000FFFF0000", null);
        await traces.RecordAsync(buyer.UserId, "FFFF0000FFFF0000FFFF0000FFFF0000", null);
        return buyer;
    }

    private static AddressInput Address(string name, string mobile) => new(name, mobile, "广东省", "深圳市", "南山区", "科苑路 15 号");

    /// <summary>One unit paid, shipped and received; the order goes to 科苑路 15 号 with the given recipient mobile.</summary>
    private static async Task<string> ReceivedAsync(DistributionTestKit kit, Actor buyer, string recipientMobile)
    {
        var sku = await kit.Orders.SkuAsync(available: 50);
        var address = await kit.Get<AddressService>().AddAsync(buyer, Address("陈静", recipientMobile), true);
        var number = await kit.Orders.PaidOrderAsync(buyer, address, sku.SkuId);
        await kit.Orders.ShipAsync(number);
        await kit.Get<OrderService>().ConfirmReceiptAsync(buyer, number);
        return number;
    }


    private static Task<long> WithdrawableAsync(DistributionTestKit kit, string phone) =>
        kit.QueryAsync(db => db.Distributors.Where(d => d.Mobile == phone).Select(d => d.WithdrawableFen).SingleAsync());

    private static Task<long> ShopPendingAsync(DistributionTestKit kit) =>
        kit.QueryAsync(db => db.ShopAccounts.SumAsync(a => a.PendingFen));
}
