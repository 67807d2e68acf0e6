using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Distribution.Funds;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.AfterSales;
using MallPortal.Tests.Orders.AfterSales;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Distribution.Commissions;

/// <summary>An after-sale refund of part of a promoted line: commissions reverse (or are clawed back) by the refunded share, the receivable follows, funds reconcile.</summary>
public class AfterSaleMoneyTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Refunding_one_of_two_units_reverses_half_of_each_commission_and_funds_still_reconcile(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        await CommissionLifecycleTests.SetPolicyAsync(kit, CommissionLifecycleTests.TwoLevels);
        var (buyer, number, lineId, start) = await PromotedOrderAsync(kit);
        var sale = await AfterSaleTestKit.ApplyAsync(kit.Orders, buyer, number, lineId, AfterSaleType.RefundOnly, AfterSaleReason.Quality, quantity: 1);
        var admin = await kit.AdminAsync();

        // An open case holds its line's commissions from settling, even past the window.
        kit.Orders.Clock.Advance(TimeSpan.FromDays(8));
        await kit.Get<CommissionService>().SettleDueAsync(kit.Now);
        Assert.All(await CommissionLifecycleTests.CommissionsAsync(kit, number), c => Assert.Equal(CommissionStatus.Frozen, c.Status));

        await kit.Get<MerchantAfterSaleService>().ApproveAsync(await kit.Orders.MerchantAsync(), sale);

        var commissions = await CommissionLifecycleTests.CommissionsAsync(kit, number);
        Assert.Equal(2, commissions.Count);
        Assert.All(commissions, c => Assert.Equal(CommissionCalculator.ReversedBy(c.AmountFen, 1, 2), c.ReversedFen));
        Assert.Empty(await kit.Get<CommissionReconciliation>().DifferencesAsync());
        var report = await kit.Get<FundsReconciliation>().RunAsync(admin, new Period(start, kit.Now.AddMinutes(1)));
        Assert.True(report.Balanced, string.Join("; ", report.Differences.Select(d => d.OrderNumber)));
        Assert.Contains(report.Orders, o => o.OrderNumber == number);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_quality_refund_after_settlement_claws_the_commission_back(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        await CommissionLifecycleTests.SetPolicyAsync(kit, CommissionLifecycleTests.TwoLevels);
        var (buyer, number, lineId, start) = await PromotedOrderAsync(kit);
        kit.Orders.Clock.Advance(TimeSpan.FromDays(8));
        await kit.Get<CommissionService>().SettleDueAsync(kit.Now);
        Assert.All(await CommissionLifecycleTests.CommissionsAsync(kit, number), c => Assert.Equal(CommissionStatus.Settled, c.Status));

        var sale = await AfterSaleTestKit.ApplyAsync(kit.Orders, buyer, number, lineId, AfterSaleType.RefundOnly, AfterSaleReason.Quality, quantity: 2);
        await kit.Get<MerchantAfterSaleService>().ApproveAsync(await kit.Orders.MerchantAsync(), sale);

        var ids = (await CommissionLifecycleTests.CommissionsAsync(kit, number)).Select(c => c.Id).ToList();
        var clawed = await kit.QueryAsync(db => db.CommissionEntries.CountAsync(e => e.CommissionId != null && ids.Contains(e.CommissionId.Value) && e.Kind == CommissionEntryKind.ClawedBack));
        Assert.Equal(2, clawed);
        Assert.Empty(await kit.Get<CommissionReconciliation>().DifferencesAsync());
        Assert.True((await kit.Get<FundsReconciliation>().RunAsync(await kit.AdminAsync(), new Period(start, kit.Now.AddMinutes(1)))).Balanced);
    }

    private static async Task<(Core.Common.Actor Buyer, string Number, int LineId, DateTime Start)> PromotedOrderAsync(DistributionTestKit kit)
    {
        var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        var start = kit.Now;
        var sku = await kit.Orders.SkuAsync(available: 50);
        var address = await kit.Get<Core.Accounts.AddressService>().AddAsync(buyer,
            new Core.Accounts.AddressInput("陈静", "13800000021", "广东省", "深圳市", "南山区", "科苑路 15 号"), true);
        var number = Assert.Single((await kit.Orders.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 2)])).OrderNumbers);
        await kit.Orders.PayAtCashierAsync(buyer, number);
        await kit.Orders.ShipAsync(number);
        await kit.Get<OrderService>().ConfirmReceiptAsync(buyer, number);
        return (buyer, number, (await kit.Orders.OrderAsync(number)).Lines.Single().Id, start);
    }
}
