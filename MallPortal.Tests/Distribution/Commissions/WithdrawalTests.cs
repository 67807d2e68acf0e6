using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Distribution.Withdrawals;
using MallPortal.Core.Orders;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Distribution.Commissions;

/// <summary>李强 withdraws settled commission; the admin reviews and pays; the balance never goes below what the ledger says.</summary>
public sealed class WithdrawalTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static readonly PayoutAccount Alipay = new(PayoutMethod.Alipay, "13800000012", "李强");

    [Theory, MemberData(nameof(Providers))]
    public async Task A_request_freezes_the_amount_and_paying_it_moves_it_to_withdrawn_once(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (li, admin) = (await SettledLiAsync(kit), await kit.AdminAsync());
        var before = await BalanceAsync(kit);
        var service = kit.Get<WithdrawalService>();

        var number = await service.RequestAsync(li, new WithdrawalRequest(Money.FromYuan(10), Alipay));

        Assert.Equal((before.Withdrawable - 1000, before.Withdrawing + 1000), (await BalanceAsync(kit)).Pair);
        await service.ProcessAsync(admin, number, WithdrawalTrigger.Approve, null);
        await AssertRefusedAsync("不能通过", () => service.ProcessAsync(admin, number, WithdrawalTrigger.Approve, null));
        await AssertRefusedAsync("打款流水号", () => service.ProcessAsync(admin, number, WithdrawalTrigger.MarkPaid, " "));
        await service.ProcessAsync(admin, number, WithdrawalTrigger.MarkPaid, "ALI20261202001");
        await AssertRefusedAsync("不能标记已打款", () => service.ProcessAsync(admin, number, WithdrawalTrigger.MarkPaid, "ALI20261202001"));

        var after = await BalanceAsync(kit);
        Assert.Equal((before.Withdrawable - 1000, before.Withdrawing, before.Withdrawn + 1000), (after.Withdrawable, after.Withdrawing, after.Withdrawn));
        var row = Assert.Single((await kit.Get<WithdrawalQueries>().MineAsync(li, 0, 10)).Items);
        Assert.Equal((WithdrawalStatus.Paid, "ALI20261202001", "138****0012"), (row.Status, row.PayoutReference, row.Account));
        Assert.Empty(await kit.Get<CommissionReconciliation>().DifferencesAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_rejected_or_failed_withdrawal_returns_the_amount_with_its_reason(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (li, admin) = (await SettledLiAsync(kit), await kit.AdminAsync());
        var before = await BalanceAsync(kit);
        var service = kit.Get<WithdrawalService>();
        var rejected = await service.RequestAsync(li, new WithdrawalRequest(Money.FromYuan(10), Alipay));
        var failed = await service.RequestAsync(li, new WithdrawalRequest(Money.FromYuan(10), Alipay with { Method = PayoutMethod.BankCard, AccountNo = "6222 0212 3456 7890", BankName = "工商银行" }));

        await AssertRefusedAsync("请填写原因", () => service.ProcessAsync(admin, rejected, WithdrawalTrigger.Reject, ""));
        await service.ProcessAsync(admin, rejected, WithdrawalTrigger.Reject, "收款账户信息不完整");
        await service.ProcessAsync(admin, failed, WithdrawalTrigger.Approve, null);
        await service.ProcessAsync(admin, failed, WithdrawalTrigger.MarkFailed, "银行卡号与户名不符");

        Assert.Equal(before.Pair, (await BalanceAsync(kit)).Pair);
        var rows = (await kit.Get<WithdrawalQueries>().QueueAsync(admin, null, 0, 10)).Items;
        Assert.Contains(rows, r => r.Number == rejected && r.Status == WithdrawalStatus.Rejected && r.Reason == "收款账户信息不完整");
        Assert.Contains(rows, r => r.Number == failed && r.Status == WithdrawalStatus.Failed && r.Account == "6222021234567890");
        Assert.Empty(await kit.Get<CommissionReconciliation>().DifferencesAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Requests_below_the_minimum_over_the_balance_or_the_daily_limit_or_in_another_name_change_nothing(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var li = await SettledLiAsync(kit);
        var before = await BalanceAsync(kit);
        var service = kit.Get<WithdrawalService>();

        await AssertRefusedAsync("不能低于 ¥10.00", () => service.RequestAsync(li, new WithdrawalRequest(Money.FromYuan(9.99m), Alipay)));
        await AssertRefusedAsync("可提现余额不足", () => service.RequestAsync(li, new WithdrawalRequest(new Money(before.Withdrawable + 1), Alipay)));
        await AssertRefusedAsync("须与实名认证的“李强”一致", () => service.RequestAsync(li, new WithdrawalRequest(Money.FromYuan(10), Alipay with { AccountName = "王芳" })));
        await AssertRefusedAsync("正确的收款账号", () => service.RequestAsync(li, new WithdrawalRequest(Money.FromYuan(10), Alipay with { AccountNo = "12345" })));
        await AssertRefusedAsync("开户银行", () => service.RequestAsync(li, new WithdrawalRequest(Money.FromYuan(10),
            Alipay with { Method = PayoutMethod.BankCard, AccountNo = "6222021234567890" })));
        await SetRulesAsync(kit, dailyLimitFen: 1500);
        await service.RequestAsync(li, new WithdrawalRequest(Money.FromYuan(10), Alipay));
        await AssertRefusedAsync("超出每日提现限额 ¥15.00（今日已申请 ¥10.00）", () => service.RequestAsync(li, new WithdrawalRequest(Money.FromYuan(10), Alipay)));

        Assert.Equal((before.Withdrawable - 1000, before.Withdrawing + 1000), (await BalanceAsync(kit)).Pair);
        Assert.Single((await kit.Get<WithdrawalQueries>().MineAsync(li, 0, 10)).Items);
        var consumer = await kit.ConsumerAsync(OrderTestKit.Buyer);
        await Assert.ThrowsAsync<DomainException>(() => service.RequestAsync(consumer, new WithdrawalRequest(Money.FromYuan(10), Alipay)));
        await Assert.ThrowsAsync<DomainException>(() => service.ProcessAsync(li, "W1", WithdrawalTrigger.Approve, null));
        await Assert.ThrowsAsync<DomainException>(() => kit.Get<WithdrawalQueries>().QueueAsync(li, null, 0, 10));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Twenty_requests_at_once_cannot_take_more_than_the_withdrawable_balance(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider, sqliteFile: true);
        var li = await SettledLiAsync(kit);
        await SetRulesAsync(kit, minimumFen: 1, dailyLimitFen: 100_000_000);
        var balance = (await BalanceAsync(kit)).Withdrawable;
        var each = balance / 10;
        var service = kit.Get<WithdrawalService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try
            {
                await service.RequestAsync(li, new WithdrawalRequest(new Money(each), Alipay));
                return true;
            }
            catch (DomainException)
            {
                return false;
            }
        })));

        Assert.Equal(10, results.Count(ok => ok));
        var after = await BalanceAsync(kit);
        Assert.Equal((balance - 10 * each, 10 * each), (after.Withdrawable, after.Withdrawing));
        Assert.Empty(await kit.Get<CommissionReconciliation>().DifferencesAsync());
    }

    /// <summary>李强's link sells 5 units; received and past the after-sales window, his commission is withdrawable.</summary>
    internal static async Task<Actor> SettledLiAsync(DistributionTestKit kit)
    {
        await CommissionLifecycleTests.SetPolicyAsync(kit, new CommissionPolicyInput(true, 2, 2000, 500, 0, CommissionBase.PaidAmount, false));
        var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        var sku = await kit.Orders.SkuAsync(available: 20);
        var address = await kit.Get<Core.Accounts.AddressService>().AddAsync(buyer, new Core.Accounts.AddressInput("陈静", "13800000021", "广东省", "深圳市", "南山区", "科苑路 15 号"), true);
        var number = await kit.Orders.PaidOrderAsync(buyer, address, sku.SkuId, quantity: 5);
        await kit.Orders.ShipAsync(number);
        await kit.Get<OrderService>().ConfirmReceiptAsync(buyer, number);
        kit.Orders.Clock.Advance(TimeSpan.FromDays(8));
        await kit.Get<CommissionService>().SettleDueAsync(kit.Now);
        Assert.True((await BalanceAsync(kit)).Withdrawable >= 3000, "the sale leaves at least ¥30 to withdraw");
        return await kit.DistributorAsync(DistributionTestKit.Li);
    }

    private static async Task SetRulesAsync(DistributionTestKit kit, long? minimumFen = null, long? dailyLimitFen = null)
    {
        var store = kit.Get<DistributionSettingsStore>();
        var current = (await store.GetAsync()).ToInput();
        await store.SaveAsync(await kit.AdminAsync(), current with
        {
            MinWithdrawalFen = minimumFen ?? current.MinWithdrawalFen, DailyWithdrawalLimitFen = dailyLimitFen ?? current.DailyWithdrawalLimitFen,
        });
    }

    private static Task<LiBalance> BalanceAsync(DistributionTestKit kit) =>
        kit.QueryAsync(db => db.Distributors.Where(d => d.Mobile == DistributionTestKit.Li)
            .Select(d => new LiBalance(d.WithdrawableFen, d.WithdrawingFen, d.WithdrawnFen)).SingleAsync());

    private static async Task AssertRefusedAsync(string message, Func<Task> act) =>
        Assert.Contains(message, (await Assert.ThrowsAsync<DomainException>(act)).Message);

    private sealed record LiBalance(long Withdrawable, long Withdrawing, long Withdrawn)
    {
        public (long, long) Pair => (Withdrawable, Withdrawing);
    }
}
