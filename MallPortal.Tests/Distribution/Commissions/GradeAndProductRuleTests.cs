using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Distribution.Grades;
using MallPortal.Core.Orders;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Distribution.Commissions;

/// <summary>Per-product overrides and distributor grades, as the estimator applies them to real orders.</summary>
public sealed class GradeAndProductRuleTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_product_override_pays_fixed_amounts_or_nothing_and_only_the_owning_shop_may_set_it(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var merchant = await kit.Orders.MerchantAsync();
        var policies = kit.Get<CommissionPolicyService>();
        await CommissionLifecycleTests.SetPolicyAsync(kit, new CommissionPolicyInput(true, 2, 1000, 500, 0, CommissionBase.PaidAmount, false));
        var fixedSku = await kit.Orders.SkuAsync(index: 0, available: 10);
        var excludedSku = fixedSku;
        for (var index = 1; excludedSku.ProductId == fixedSku.ProductId; index++)
        {
            excludedSku = await kit.Orders.SkuAsync(index: index, available: 10);
        }
        await policies.SaveProductRuleAsync(merchant, new ProductRuleInput(fixedSku.ProductId, ProductRuleMode.Fixed, 300, 100, 0));
        await policies.SaveProductRuleAsync(merchant, new ProductRuleInput(excludedSku.ProductId, ProductRuleMode.Excluded, 0, 0, 0));
        var other = await kit.Orders.MerchantAsync(OrderTestKit.ShopB);
        var refused = await Assert.ThrowsAsync<DomainException>(() => policies.SaveProductRuleAsync(other, new ProductRuleInput(fixedSku.ProductId, ProductRuleMode.Excluded, 0, 0, 0)));
        Assert.Equal("商品不存在", refused.Message);
        var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        var address = await kit.Get<Core.Accounts.AddressService>().AddAsync(buyer, new Core.Accounts.AddressInput("陈静", "13800000021", "广东省", "深圳市", "南山区", "科苑路 15 号"), true);

        var number = await kit.Orders.PaidOrderAsync(buyer, address, fixedSku.SkuId, quantity: 2);
        var none = await kit.Orders.PaidOrderAsync(buyer, address, excludedSku.SkuId);

        var rows = await kit.QueryAsync(db => db.Commissions.Where(c => db.Orders.Any(o => o.Id == c.OrderId && o.Number == number)).OrderBy(c => c.Level)
            .Select(c => new { c.Level, c.AmountFen, c.Source, c.FixedPerUnitFen }).ToListAsync());
        Assert.Equal([(1, 600L, CommissionSource.Product, 300L), (2, 200L, CommissionSource.Product, 100L)], rows.Select(r => (r.Level, r.AmountFen, r.Source, r.FixedPerUnitFen)));
        Assert.False(await kit.QueryAsync(db => db.Commissions.AnyAsync(c => db.Orders.Any(o => o.Id == c.OrderId && o.Number == none))));
        Assert.Equal(2, (await policies.ProductRulesAsync(merchant)).Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Settled_own_sales_raise_the_grade_once_logged_and_told_and_a_higher_threshold_later_never_demotes(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (admin, grades) = (await kit.AdminAsync(), kit.Get<GradeService>());
        var li = await WithdrawalTests.SettledLiAsync(kit);
        var liId = (await kit.RecordAsync(DistributionTestKit.Li)).Id;
        var own = (await grades.StandingAsync(li)).SettledSales.Fen;
        var gold = (await grades.ListAsync()).Single(g => g.Name == "金牌");
        await grades.SaveAsync(admin, gold.Id, new GradeInput("金牌", own, 1200, 500, 0));

        Assert.True(await grades.UpgradeAsync(kit.Now) >= 1);
        Assert.Equal(0, await grades.UpgradeAsync(kit.Now));

        Assert.Equal("金牌", (await grades.StandingAsync(li)).Grade);
        var change = await kit.QueryAsync(db => db.GradeChanges.Where(c => c.DistributorId == liId).OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal((gold.Id, own), (change.ToGradeId, change.SettledSalesFen));
        Assert.True(await kit.QueryAsync(db => db.Notifications.AnyAsync(m => m.UserId == li.UserId && m.Title == "分销等级已提升")));

        await grades.SaveAsync(admin, gold.Id, new GradeInput("金牌", own + 100_000, 1200, 500, 0));
        await grades.UpgradeAsync(kit.Now);
        Assert.Equal("金牌", (await grades.StandingAsync(li)).Grade);

        // The next sale: the grade's 12 % beats the shop's 10 % at level 1; the shop's 5 % stays at level 2.
        await CommissionLifecycleTests.SetPolicyAsync(kit, new CommissionPolicyInput(true, 2, 1000, 500, 0, CommissionBase.PaidAmount, false));
        var number = await kit.BuyAsync(await CommissionLifecycleTests.BoundBuyerAsync(kit));
        var mine = await kit.QueryAsync(db => db.Commissions.SingleAsync(c => c.Level == 1 && db.Orders.Any(o => o.Id == c.OrderId && o.Number == number)));
        Assert.Equal((1200, CommissionSource.Grade), (mine.RateBp, mine.Source));
        await Assert.ThrowsAsync<DomainException>(() => grades.SaveAsync(li, null, new GradeInput("钻石", 9_999_999, 1500, 500, 0)));
        await Assert.ThrowsAsync<DomainException>(() => grades.SaveAsync(admin, null, new GradeInput("银牌", 1, 0, 0, 0)));
    }
}
