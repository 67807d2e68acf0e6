using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Distribution.Funds;
using MallPortal.Core.Distribution.Withdrawals;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Settlement;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Distribution.Commissions;

/// <summary>The merchant's receivable beside the commissions it funds, and the funds reconciliation over both ledgers.</summary>
public sealed class SettlementTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task The_receivable_is_paid_minus_fee_minus_commissions_plus_shipping_and_settles_with_the_window(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (admin, merchant) = (await kit.AdminAsync(), await kit.Orders.MerchantAsync());
        var sku = await kit.Orders.SkuAsync(available: 10);
        await kit.Get<ShopSettlementService>().SetServiceFeeAsync(admin, sku.ShopId, 500);
        await kit.Orders.SetShippingAsync(OrderTestKit.ShopA, Money.FromYuan(8), null);
        await CommissionLifecycleTests.SetPolicyAsync(kit, new CommissionPolicyInput(true, 2, 1000, 500, 0, CommissionBase.PaidAmount, false));
        var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        var address = await kit.Get<Core.Accounts.AddressService>().AddAsync(buyer, new Core.Accounts.AddressInput("陈静", "13800000021", "广东省", "深圳市", "南山区", "科苑路 15 号"), true);
        var start = kit.Now;
        var number = await kit.Orders.PaidOrderAsync(buyer, address, sku.SkuId, quantity: 2);

        var items = (sku.Price * 2).Fen;
        var row = Assert.Single((await kit.Get<SettlementQueries>().OrdersAsync(merchant, 0, 50)).Items, r => r.OrderNumber == number);
        Assert.Equal((items + 800, items * 5 / 100, items * 15 / 100, 0L), (row.Received.Fen, row.ServiceFee.Fen, row.Commission.Fen, row.Refunded.Fen));
        Assert.Equal(items + 800 - items * 5 / 100 - items * 15 / 100, row.Receivable.Fen);
        var before = await kit.Get<SettlementQueries>().BalancesAsync(merchant);
        var rowsBefore = (await kit.Get<SettlementQueries>().OrdersAsync(merchant, 0, 50)).Items;

        await kit.Orders.ShipAsync(number);
        await kit.Get<OrderService>().ConfirmReceiptAsync(buyer, number);
        kit.Orders.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await kit.Get<ShopSettlementService>().SettleDueAsync(kit.Now);

        // The demo's received orders of this shop settle in the same run; each settled order moves exactly its receivable.
        var after = await kit.Get<SettlementQueries>().BalancesAsync(merchant);
        var settledNow = (await kit.Get<SettlementQueries>().OrdersAsync(merchant, 0, 50)).Items
            .Where(r => r.SettledAt is not null && rowsBefore.Any(b => b.OrderNumber == r.OrderNumber && b.SettledAt is null)).ToList();
        Assert.Contains(settledNow, r => r.OrderNumber == number);
        Assert.Equal(before.Withdrawable.Fen + settledNow.Sum(r => r.Receivable.Fen), after.Withdrawable.Fen);
        Assert.Equal(before.Pending.Fen - settledNow.Sum(r => r.Receivable.Fen), after.Pending.Fen);
        var report = await kit.Get<FundsReconciliation>().RunAsync(admin, new Period(start, kit.Now));
        Assert.True(report.Balanced, string.Join("; ", report.Differences.Select(d => d.OrderNumber)));
        Assert.Contains(report.Orders, o => o.OrderNumber == number && o.CommissionFen == items * 15 / 100 && o.FeeFen == items * 5 / 100);

        var shopName = await kit.QueryAsync(db => db.Shops.Where(s => s.Id == sku.ShopId).Select(s => s.Name).SingleAsync());
        var payout = await kit.Get<WithdrawalService>().RequestAsync(merchant, new WithdrawalRequest(Money.FromYuan(10),
            new PayoutAccount(PayoutMethod.BankCard, "6222021234567890123", shopName, "招商银行"), PayeeKind.Shop));
        await kit.Get<WithdrawalService>().ProcessAsync(admin, payout, WithdrawalTrigger.Approve, null);
        await kit.Get<WithdrawalService>().ProcessAsync(admin, payout, WithdrawalTrigger.MarkPaid, "CMB0001");
        var paidOut = await kit.Get<SettlementQueries>().BalancesAsync(merchant);
        Assert.Equal((after.Withdrawable.Fen - 1000, after.Withdrawn.Fen + 1000), (paidOut.Withdrawable.Fen, paidOut.Withdrawn.Fen));
        Assert.True((await kit.Get<FundsReconciliation>().RunAsync(admin, new Period(start, kit.Now))).Balanced);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_refunded_cancellation_returns_the_fee_and_the_commissions_and_leaves_nothing_receivable(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (admin, merchant) = (await kit.AdminAsync(), await kit.Orders.MerchantAsync());
        var sku = await kit.Orders.SkuAsync(available: 10);
        await kit.Get<ShopSettlementService>().SetServiceFeeAsync(admin, sku.ShopId, 300);
        await CommissionLifecycleTests.SetPolicyAsync(kit, new CommissionPolicyInput(true, 2, 1000, 500, 0, CommissionBase.PaidAmount, false));
        var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        var address = await kit.Get<Core.Accounts.AddressService>().AddAsync(buyer, new Core.Accounts.AddressInput("陈静", "13800000021", "广东省", "深圳市", "南山区", "科苑路 15 号"), true);
        var start = kit.Now;
        var number = Assert.Single((await kit.Orders.PlaceAsync(buyer, address, [new CheckoutLine(sku.SkuId, 3)])).OrderNumbers);
        await kit.Orders.PayAtCashierAsync(buyer, number);
        var refunds = kit.Get<RefundService>();

        await refunds.DecideAsync(merchant, await refunds.RequestCancellationAsync(buyer, number, "不要了"), true, null);

        var row = Assert.Single((await kit.Get<SettlementQueries>().OrdersAsync(merchant, 0, 50)).Items, r => r.OrderNumber == number);
        Assert.Equal((0L, 0L, 0L), (row.ServiceFee.Fen, row.Commission.Fen, row.Receivable.Fen));
        Assert.Equal(row.Received, row.Refunded);
        var report = await kit.Get<FundsReconciliation>().RunAsync(admin, new Period(start, kit.Now.AddMinutes(1)));
        Assert.True(report.Balanced);
        Assert.Equal(report.Orders.Single(o => o.OrderNumber == number).PaidFen, report.Orders.Single(o => o.OrderNumber == number).RefundFen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_ledger_line_written_behind_the_services_back_shows_as_a_difference(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var admin = await kit.AdminAsync();
        var start = kit.Now;
        var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        await CommissionLifecycleTests.SetPolicyAsync(kit, new CommissionPolicyInput(true, 2, 1000, 500, 0, CommissionBase.PaidAmount, false));
        var number = await kit.BuyAsync(buyer);
        Assert.True((await kit.Get<FundsReconciliation>().RunAsync(admin, new Period(start, kit.Now.AddMinutes(1)))).Balanced);

        await kit.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"Commissions\" SET \"AmountFen\" = \"AmountFen\" + 1 WHERE \"OrderId\" = (SELECT \"Id\" FROM \"Orders\" WHERE \"Number\" = {number}) AND \"Level\" = 1"));

        var report = await kit.Get<FundsReconciliation>().RunAsync(admin, new Period(start, kit.Now.AddMinutes(1)));
        Assert.Equal(-1, Assert.Single(report.Differences).DifferenceFen);
        await Assert.ThrowsAsync<DomainException>(() => kit.Get<FundsReconciliation>().RunAsync(buyer, new Period(start, kit.Now)));
    }
}
