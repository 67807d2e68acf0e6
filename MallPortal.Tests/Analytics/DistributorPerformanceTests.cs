using MallPortal.Core.Analytics;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Tests.Distribution;
using MallPortal.Tests.Distribution.Commissions;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Analytics;

/// <summary>分销业绩: distributors ranked in a shop's scope, their reports, and who has been falling for three months.</summary>
public sealed class DistributorPerformanceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_distributor_s_sales_customers_and_commission_show_in_the_shop_s_board_and_report(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var rollups = kit.Get<RollupService>();
        var buyer = await CommissionLifecycleTests.BoundBuyerAsync(kit);
        var number = await kit.BuyAsync(buyer);
        var li = (await kit.RecordAsync(DistributionTestKit.Li)).Id;
        var earned = (await CommissionLifecycleTests.CommissionsAsync(kit, number)).Sum(c => c.AmountFen);
        var total = (await kit.Orders.OrderAsync(number)).TotalFen;
        await rollups.RefreshDayAsync(rollups.Today);
        var today = new DateRange(rollups.Today, rollups.Today);
        var queries = kit.Get<DistributorPerformanceQueries>();
        var merchant = await kit.Orders.MerchantAsync();

        var before = await kit.QueryAsync(db => OthersAsync(db, li, number, kit.Get<BusinessTimeZone>(), today));
        var row = (await queries.BoardAsync(merchant, null, today)).Leaders.Single(l => l.DistributorId == li);
        Assert.Equal((before.Sales + total, before.Orders + 1), (row.SalesFen, row.Orders));
        Assert.True(row.Customers >= 1 && row.CommissionFen >= earned);
        Assert.Equal(Ratios.Bp(row.CommissionFen, row.SalesFen), row.CommissionRateBp);

        var report = await queries.ReportAsync(merchant, null, li, Granularity.Day, today);
        Assert.Equal((row.SalesFen, row.CommissionFen), (report.SalesFen, report.CommissionFen));
        Assert.Equal(await kit.QueryAsync(db => LinesOfAsync(db, li, number, kit.Get<BusinessTimeZone>(), today)), report.Mix.Sum(m => m.SalesFen));
        var mine = await queries.MineAsync(await kit.DistributorAsync(DistributionTestKit.Li), Granularity.Day, today);
        Assert.True(mine.SalesFen >= report.SalesFen);

        await Assert.ThrowsAsync<DomainException>(() => queries.ReportAsync(merchant, null, 999_999, Granularity.Month, today));
        var consumer = await kit.ConsumerAsync(OrderTestKit.Buyer);
        await Assert.ThrowsAsync<DomainException>(() => queries.BoardAsync(consumer, null, today));
        await Assert.ThrowsAsync<DomainException>(() => queries.MineAsync(consumer, Granularity.Month, today));
        var otherShop = (await kit.Orders.SkuAsync(OrderTestKit.ShopB)).ShopId;
        await Assert.ThrowsAsync<DomainException>(() => queries.BoardAsync(merchant, otherShop, today));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_distributor_whose_sales_fell_three_months_running_is_flagged(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var rollups = kit.Get<RollupService>();
        var link = await kit.ProductLinkAsync(await kit.DistributorAsync(DistributionTestKit.Li));
        var buyer = await kit.NewUserAsync("13912345678");
        var address = await kit.Get<Core.Accounts.AddressService>().AddAsync(buyer, new("陈静", "13800000021", "广东省", "深圳市", "南山区", "科苑路 15 号"), true);
        var sku = await kit.Orders.SkuAsync(available: 100);
        foreach (var (month, quantity) in new[] { (1, 4), (2, 3), (3, 2), (4, 1) })
        {
            kit.Orders.Clock.SetUtcNow(new DateTimeOffset(2027, month, 10, 2, 0, 0, TimeSpan.Zero));
            // The buyer comes back through 李强's link each month, so the binding never lapses.
            await kit.Get<Core.Distribution.AttributionService>().OnSignedInAsync(buyer.UserId, new Core.Distribution.ReferralCookie(link.Code, kit.Now).ToString());
            await kit.Orders.PaidOrderAsync(buyer, address, sku.SkuId, quantity);
            await rollups.RefreshDayAsync(rollups.Today);
        }
        kit.Orders.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 3, 2, 0, 0, TimeSpan.Zero));
        var li = (await kit.RecordAsync(DistributionTestKit.Li)).Id;

        var board = await kit.Get<DistributorPerformanceQueries>().BoardAsync(await kit.Orders.MerchantAsync(), null, new DateRange(new(2027, 1, 1), new(2027, 5, 3)));

        var flagged = Assert.Single(board.Declining, d => d.DistributorId == li);
        Assert.True(flagged.Declining);
        Assert.Equal(4, board.Leaders.Single(l => l.DistributorId == li).Orders);
        var report = await kit.Get<DistributorPerformanceQueries>().ReportAsync(await kit.AdminAsync(), null, li, Granularity.Month,
            new DateRange(new(2027, 1, 1), new(2027, 4, 30)));
        Assert.Equal([1, 1, 1, 1], report.Trend.Select(p => p.Orders));
        Assert.True(report.Trend.Zip(report.Trend.Skip(1), (before, after) => after.SalesFen < before.SalesFen).All(fell => fell));
    }

    private static async Task<(long Sales, int Orders)> OthersAsync(MallDbContext db, int distributorId, string except, BusinessTimeZone zone, DateRange day)
    {
        var (start, end) = (zone.StartOfDayUtc(day.From), zone.StartOfDayUtc(day.To.AddDays(1)));
        var shopOf = await db.Orders.Where(o => o.Number == except).Select(o => o.ShopId).SingleAsync();
        var orders = await db.Orders.Where(o => o.Number != except && o.ShopId == shopOf && o.PaidAt >= start && o.PaidAt < end
                && db.OrderAttributions.Any(a => a.OrderId == o.Id && a.DistributorId == distributorId))
            .Select(o => o.TotalFen).ToListAsync();
        return (orders.Sum(), orders.Count);
    }

    /// <summary>The goods of the shop's paid orders of the day that the distributor brought, summed straight from the lines.</summary>
    private static async Task<long> LinesOfAsync(MallDbContext db, int distributorId, string number, BusinessTimeZone zone, DateRange day)
    {
        var (start, end) = (zone.StartOfDayUtc(day.From), zone.StartOfDayUtc(day.To.AddDays(1)));
        var shopId = await db.Orders.Where(o => o.Number == number).Select(o => o.ShopId).SingleAsync();
        var brought = db.Orders.Where(o => o.ShopId == shopId && o.PaidAt >= start && o.PaidAt < end
            && db.OrderAttributions.Any(a => a.OrderId == o.Id && a.DistributorId == distributorId));
        return (await db.OrderLines.Where(l => brought.Any(o => o.Id == l.OrderId)).Select(l => l.Amount).ToListAsync()).Sum(a => a.Fen);
    }
}
