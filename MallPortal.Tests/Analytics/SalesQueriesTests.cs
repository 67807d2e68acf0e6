using MallPortal.Core.Analytics;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Support;

namespace MallPortal.Tests.Analytics;

/// <summary>The dashboards' figures: whose they are, how periods compare, and that a figure's orders add up to it.</summary>
public sealed class SalesQueriesTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_merchant_sees_only_its_shop_and_the_platform_is_every_shop_together(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (queries, rollups) = (kit.Get<SalesQueries>(), kit.Get<RollupService>());
        await rollups.RefreshDayAsync(rollups.Today);
        var today = new DateRange(rollups.Today, rollups.Today);
        var (shopA, shopB) = (await kit.MerchantAsync(), await kit.MerchantAsync(OrderTestKit.ShopB));
        var (idA, idB) = ((await kit.SkuAsync()).ShopId, (await kit.SkuAsync(OrderTestKit.ShopB)).ShopId);

        var mine = await queries.OverviewAsync(shopA, null, today, today.Before());
        Assert.Equal(idA, mine.Scope.ShopId);
        await Assert.ThrowsAsync<DomainException>(() => queries.OverviewAsync(shopA, idB, today, today.Before()));
        await Assert.ThrowsAsync<DomainException>(() => queries.BreakdownAsync(shopA, idB, today, SalesDimension.Category));
        var consumer = await kit.ConsumerAsync();
        await Assert.ThrowsAsync<DomainException>(() => queries.OverviewAsync(consumer, null, today, today.Before()));
        await Assert.ThrowsAsync<DomainException>(() => queries.ShopsAsync(shopA, today));
        await Assert.ThrowsAsync<DomainException>(() => kit.Get<SalesDrillQueries>().OrdersAsync(shopB, new SalesDrill(idA, today, SalesDimension.Total, ""), 0, 10));

        var admin = await kit.AdminAsync();
        var platform = await queries.OverviewAsync(admin, null, today, today.Before());
        var shops = await queries.ShopsAsync(admin, today);
        Assert.Equal(platform.Current.SalesFen, shops.Sum(s => s.SalesFen));
        Assert.Equal(mine.Current.SalesFen, shops.Single(s => s.Key == idA.ToString()).SalesFen);
        Assert.Equal(mine.Current.Orders, (await queries.OverviewAsync(admin, idA, today, today.Before())).Current.Orders);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Figures_compare_with_the_previous_period_and_the_same_days_last_year(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var rollups = kit.Get<RollupService>();
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 50);
        var totals = new List<long>();
        // Days the demo has no sales on: a March day, the week before it and the same day a year earlier (10:00 in Shanghai).
        foreach (var (at, quantity) in new[] { (new DateTimeOffset(2027, 3, 10, 2, 0, 0, TimeSpan.Zero), 1), (new(2028, 3, 3, 2, 0, 0, TimeSpan.Zero), 2),
                     (new(2028, 3, 10, 2, 0, 0, TimeSpan.Zero), 4) })
        {
            kit.Clock.SetUtcNow(at);
            var number = await RollupTests.PaidAtCashierAsync(kit, buyer, address, sku.SkuId, quantity);
            totals.Add((await kit.OrderAsync(number)).TotalFen);
            await rollups.RefreshDayAsync(rollups.Today);
        }
        var day = new DateRange(rollups.Today, rollups.Today);

        var overview = await kit.Get<SalesQueries>().OverviewAsync(await kit.MerchantAsync(), null, day, SalesPeriods.Previous(PeriodKind.Custom, day) with
        {
            From = day.From.AddDays(-7), To = day.To.AddDays(-7),
        });

        Assert.Equal((totals[2], 1, 1, 4), (overview.Current.SalesFen, overview.Current.Orders, overview.Current.Buyers, overview.Current.Units));
        Assert.Equal((totals[1], 2), (overview.Before.SalesFen, overview.Before.Units));
        Assert.Equal((totals[0], 1), (overview.LastYear.SalesFen, overview.LastYear.Units));
        Assert.Equal(Ratios.Growth(totals[2], totals[1]), Ratios.Growth(overview.Current.SalesFen, overview.Before.SalesFen));
        Assert.Equal(new TrendPoint(day.From, totals[2], 1, 0, 0), Assert.Single(overview.Trend));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_category_s_orders_add_up_to_its_slice_and_so_does_their_export(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var rollups = kit.Get<RollupService>();
        var (buyer, address) = await kit.BuyerAsync();
        await RollupTests.PaidAtCashierAsync(kit, buyer, address, (await kit.SkuAsync(available: 20)).SkuId, 2);
        await RollupTests.PaidAtCashierAsync(kit, buyer, address, (await kit.SkuAsync(index: 1, available: 20)).SkuId, 1);
        await rollups.RefreshDayAsync(rollups.Today);
        var (merchant, range) = (await kit.MerchantAsync(), new DateRange(rollups.Today.AddDays(-29), rollups.Today));

        foreach (var slice in await kit.Get<SalesQueries>().BreakdownAsync(merchant, null, range, SalesDimension.Category))
        {
            var drill = new SalesDrill(null, range, SalesDimension.Category, slice.Key);
            var list = await kit.Get<SalesDrillQueries>().OrdersAsync(merchant, drill, 0, 1);
            Assert.Equal((slice.SalesFen, slice.Units, slice.Orders), (list.AmountFen, list.Units, list.Page.Total));
            var exported = await (await kit.Get<SalesDrillQueries>().StreamAsync(merchant, drill)).ToListAsync();
            Assert.Equal((slice.SalesFen, slice.Orders), (exported.Sum(r => r.AmountFen), exported.Count));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Promotion_periods_are_checked_and_a_merchant_touches_only_its_own(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var periods = kit.Get<PromotionPeriodService>();
        var (merchant, other, admin) = (await kit.MerchantAsync(), await kit.MerchantAsync(OrderTestKit.ShopB), await kit.AdminAsync());
        var (nov1, nov11) = (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 11));

        var platform = await periods.AddAsync(admin, new("双11", nov1, nov11));
        var own = await periods.AddAsync(merchant, new("店庆", nov1, nov1.AddDays(2)));
        Assert.Equal("开始日期不能晚于结束日期", (await Assert.ThrowsAsync<DomainException>(() => periods.AddAsync(merchant, new("反了", nov11, nov1)))).Message);
        await Assert.ThrowsAsync<DomainException>(() => periods.AddAsync(merchant, new("太长", nov1, nov1.AddDays(100))));
        await Assert.ThrowsAsync<DomainException>(() => periods.AddAsync(merchant, new("", nov1, nov11)));
        await Assert.ThrowsAsync<DomainException>(() => periods.AddAsync(merchant, new("店庆", nov1, nov11)));

        Assert.Equal(new[] { "店庆", "双11" }.Order(StringComparer.Ordinal), (await periods.ListAsync(merchant)).Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["双11"], (await periods.ListAsync(other)).Select(p => p.Name));
        await Assert.ThrowsAsync<DomainException>(() => periods.DeleteAsync(other, own));
        await Assert.ThrowsAsync<DomainException>(() => periods.DeleteAsync(merchant, platform));
        var consumer = await kit.ConsumerAsync();
        await Assert.ThrowsAsync<DomainException>(() => periods.ListAsync(consumer));
        await periods.DeleteAsync(merchant, own);
        Assert.Equal(["双11"], (await periods.ListAsync(merchant)).Select(p => p.Name));
    }
}
