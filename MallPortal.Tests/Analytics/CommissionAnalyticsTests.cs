using MallPortal.Core.Analytics;
using MallPortal.Core.Analytics.History;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Distribution.Grades;
using MallPortal.Tests.Distribution;
using MallPortal.Tests.Distribution.Commissions;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Analytics;

/// <summary>佣金分析 and the admin's grade what-if: commission against sales by key, tiers tried, and who may ask.</summary>
public sealed class CommissionAnalyticsTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_shop_s_commission_and_its_ratio_add_up_by_category_and_grade_and_the_platform_sees_it_by_shop(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var rollups = kit.Get<RollupService>();
        var number = await kit.BuyAsync(await CommissionLifecycleTests.BoundBuyerAsync(kit));
        var order = await kit.Orders.OrderAsync(number);
        await rollups.RefreshDayAsync(rollups.Today);
        var today = new DateRange(rollups.Today, rollups.Today);
        var zone = kit.Get<BusinessTimeZone>();
        var (start, end) = (zone.StartOfDayUtc(today.From), zone.StartOfDayUtc(today.To.AddDays(1)));
        var earned = await kit.QueryAsync(db => db.Commissions.Where(c => c.ShopId == order.ShopId && db.Orders.Any(o => o.Id == c.OrderId && o.PaidAt >= start && o.PaidAt < end))
            .SumAsync(c => c.AmountFen));
        var sold = await kit.QueryAsync(db => db.Orders.Where(o => o.ShopId == order.ShopId && o.PaidAt >= start && o.PaidAt < end).SumAsync(o => o.TotalFen));
        var queries = kit.Get<CommissionQueries>();
        var merchant = await kit.Orders.MerchantAsync();

        var report = await queries.ReportAsync(merchant, null, today);

        Assert.True(earned > 0, "the bound customer's order paid commission");
        Assert.Equal((sold, earned), (report.Total.SalesFen, report.Total.CommissionFen));
        Assert.Equal(Ratios.Bp(earned, sold), report.Total.RatioBp);
        Assert.Equal(earned, report.Categories.Sum(c => c.CommissionFen));
        Assert.Equal(earned, report.Grades.Sum(g => g.CommissionFen));
        Assert.Equal(earned, report.Trend.Sum(p => p.CommissionFen));
        Assert.True(report.DistributedSalesFen >= order.TotalFen);
        Assert.All(report.Categories, c => Assert.Equal(Ratios.Bp(c.CommissionFen, c.SalesFen), c.RatioBp));
        Assert.Empty(report.Shops); // a merchant sees its own shop, not a ranking of shops
        var platform = await queries.ReportAsync(await kit.AdminAsync(), null, today);
        Assert.Equal((sold, earned), platform.Shops.Where(s => s.Key == order.ShopId.ToString()).Select(s => (s.SalesFen, s.CommissionFen)).Single());
        Assert.Equal(platform.Total.CommissionFen, platform.Shops.Sum(s => s.CommissionFen));

        var otherShop = (await kit.Orders.SkuAsync(OrderTestKit.ShopB)).ShopId;
        await Assert.ThrowsAsync<DomainException>(() => queries.ReportAsync(merchant, otherShop, today));
        var consumer = await kit.ConsumerAsync(OrderTestKit.Buyer);
        await Assert.ThrowsAsync<DomainException>(() => queries.ReportAsync(consumer, null, today));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_admin_tries_grade_thresholds_across_every_shop_and_sees_who_would_move_while_a_merchant_cannot_move_them(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        await kit.BuyAsync(await CommissionLifecycleTests.BoundBuyerAsync(kit));
        var whatIf = kit.Get<CommissionWhatIf>();
        var admin = await kit.AdminAsync();
        var merchant = await kit.Orders.MerchantAsync();
        var range = WhatIfTests.Recent(kit, new CommissionPolicyInput(true, 2, 800, 300, 0, CommissionBase.PaidAmount, false)).Range;
        var grades = await kit.Get<GradeService>().ListAsync();
        var silver = grades.Single(g => g.Name == "银牌");
        List<GradeTier> Tried(long silverThreshold) =>
            grades.Select(g => new GradeTier(g.Id, g.Id == silver.Id ? silverThreshold : g.SettledSalesFen, g.Level1Bp, g.Level2Bp, g.Level3Bp)).ToList();

        var asIs = await whatIf.RunAsync(admin, new WhatIfRequest(range, null));
        var raised = await whatIf.RunAsync(admin, new WhatIfRequest(range, null, Tried(10_000_000_000)));
        var shopOnly = await whatIf.RunAsync(merchant, WhatIfTests.Recent(kit, (await kit.Get<CommissionPolicyService>().GetMineAsync(merchant)).Policy));

        Assert.True(asIs.Lines >= shopOnly.Lines && asIs.Lines > 0, "the platform's run covers shop A's promoted lines");
        Assert.Equal(asIs.Levels.Select(l => l.Actual), (await whatIf.RunAsync(admin, new WhatIfRequest(range, null))).Levels.Select(l => l.Actual));
        Assert.True(raised.Tiers.KeptBelow >= silver.Members, "every 银牌 member is below a threshold of ¥100,000,000 and keeps the grade");
        Assert.Equal(asIs.Tiers.Distributors, raised.Tiers.Distributors);
        Assert.Equal(asIs.Actual, raised.Actual);
        var merchantTried = await whatIf.RunAsync(merchant, WhatIfTests.Recent(kit, (await kit.Get<CommissionPolicyService>().GetMineAsync(merchant)).Policy, Tried(10_000_000_000)));
        Assert.Equal(shopOnly.Tiers, merchantTried.Tiers); // the platform's thresholds are not the merchant's to move

        var gold = grades.Single(g => g.Name == "金牌");
        var clash = Tried(gold.SettledSalesFen);
        var error = await Assert.ThrowsAsync<DomainException>(() => whatIf.RunAsync(admin, new WhatIfRequest(range, null, clash)));
        Assert.Contains("同门槛", error.Message);
        await Assert.ThrowsAsync<DomainException>(() => whatIf.RunAsync(admin, new WhatIfRequest(range, null, Tried(-1))));
        await Assert.ThrowsAsync<DomainException>(() => whatIf.RunAsync(merchant, new WhatIfRequest(range, null)));
        var consumer = await kit.ConsumerAsync(OrderTestKit.Buyer);
        await Assert.ThrowsAsync<DomainException>(() => whatIf.RunAsync(consumer, new WhatIfRequest(range, null)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Generated_history_which_paid_no_commission_is_left_out_of_the_what_if_and_counted_apart(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var whatIf = kit.Get<CommissionWhatIf>();
        var admin = await kit.AdminAsync();
        var today = kit.Get<RollupService>().Today;
        var range = new DateRange(today.AddDays(-10), today);
        var before = await whatIf.RunAsync(admin, new WhatIfRequest(range, null));

        await kit.Get<SalesHistoryGenerator>().GenerateAsync(new DateRange(today.AddDays(-3), today.AddDays(-1)), new HistoryOptions(Seed: 3, OrdersPerShopDay: 8, Buyers: 50));
        var generated = await kit.QueryAsync(db => db.Orders.CountAsync(o => o.Number.StartsWith(HistoryDay.NumberPrefix)));
        var after = await whatIf.RunAsync(admin, new WhatIfRequest(range, null));

        Assert.True(generated > 0);
        Assert.Equal((0, before.Lines, before.Proposed), (before.GeneratedOrders, after.Lines, after.Proposed));
        Assert.Equal(generated, after.GeneratedOrders);
        Assert.True((await kit.Get<CommissionQueries>().ReportAsync(admin, null, range)).HasGeneratedHistory);
    }

    [Fact]
    public void A_distributor_lands_on_the_highest_tier_its_sales_reach_and_is_never_placed_below_the_one_it_holds()
    {
        GradeTier Tier(int id, long threshold) => new(id, threshold, 100 * id, 0, 0);
        List<GradeTier> tiers = [Tier(1, 0), Tier(2, 50_000), Tier(3, 500_000)];

        Assert.Equal(1, TierPlacement.Place(null, 0, tiers)!.GradeId);
        Assert.Equal(2, TierPlacement.Place(tiers[0], 50_000, tiers)!.GradeId);
        Assert.Equal(3, TierPlacement.Place(tiers[1], 900_000, tiers)!.GradeId);
        Assert.Equal(3, TierPlacement.Place(tiers[2], 10, tiers)!.GradeId); // kept: the job never demotes
        Assert.Null(TierPlacement.Place(null, 10, [Tier(2, 50_000)]));

        var placement = TierPlacement.Of(tiers, new Dictionary<int, int?> { [7] = 1, [8] = 3, [9] = null }, new Dictionary<int, long> { [7] = 60_000, [8] = 100 });
        Assert.Equal(new TierMoves(3, 2, 1), placement.Moves); // 7 and 9 move up (9 had none), 8 stays above its sales
        Assert.Equal(tiers[1].Rates, placement.RatesOf(7));
        Assert.Equal(tiers[0].Rates, placement.RatesOf(9));
    }
}
