using CsCheck;
using MallPortal.Core.Analytics;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Tests.Orders;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Analytics;

/// <summary>The daily rollups against the facts they come from, on a real database through the real services.</summary>
public sealed class RollupTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_sale_counts_on_the_business_day_it_was_paid_and_its_refund_on_the_day_it_was_granted(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (late, nextDay) = (new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27));
        var before = (await TotalAsync(kit, late), await TotalAsync(kit, nextDay));
        kit.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 15, 30, 0, TimeSpan.Zero)); // 23:30 in Shanghai
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 10);
        var number = await PaidAtCashierAsync(kit, buyer, address, sku.SkuId, 3);
        kit.Clock.Advance(TimeSpan.FromHours(1)); // 00:30 the next day
        await kit.CancelledAndRefundedAsync(buyer, number);
        var total = (await kit.OrderAsync(number)).TotalFen;

        var (day1, day2) = (await TotalAsync(kit, late), await TotalAsync(kit, nextDay));
        Assert.Equal((before.Item1.Orders + 1, before.Item1.Units + 3, before.Item1.SalesFen + total, before.Item1.RefundFen),
            (day1.Orders, day1.Units, day1.SalesFen, day1.RefundFen));
        Assert.Equal((before.Item2.Orders, before.Item2.SalesFen, before.Item2.Refunds + 1, before.Item2.RefundUnits + 3, before.Item2.RefundFen + total),
            (day2.Orders, day2.SalesFen, day2.Refunds, day2.RefundUnits, day2.RefundFen));
        await AssertMatchesFactsAsync(kit, new DateRange(late, nextDay));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_rebuild_gives_the_same_rows_and_the_check_finds_a_row_that_drifted(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (rollups, admin) = (kit.Get<RollupService>(), await kit.AdminAsync());
        var today = new DateRange(rollups.Today, rollups.Today);
        await rollups.RefreshDayAsync(today.From);
        var stored = await RowsAsync(kit, today.From);
        Assert.Empty(await rollups.CheckAsync(admin, today));

        await rollups.RebuildAsync(admin, today);
        Assert.Equal(stored, await RowsAsync(kit, today.From));
        await kit.QueryAsync(c => c.SalesRollups.Where(r => r.Dimension == SalesDimension.Total && r.ShopId != 0)
            .OrderBy(r => r.Id).Take(1).ExecuteUpdateAsync(u => u.SetProperty(r => r.SalesFen, r => r.SalesFen + 1)));
        var difference = Assert.Single(await rollups.CheckAsync(admin, today));
        Assert.Equal(difference.Stored!.SalesFen, difference.Actual!.SalesFen + 1);
        var merchant = await kit.MerchantAsync();
        await Assert.ThrowsAsync<DomainException>(() => rollups.CheckAsync(merchant, today));
        await Assert.ThrowsAsync<DomainException>(() => rollups.RebuildAsync(merchant, today));
    }

    private sealed record Step(int Hours, int Shop, int Quantity, int Then);

    private static readonly Gen<Step> Steps = Gen.Select(Gen.Int[0, 20], Gen.Int[0, 1], Gen.Int[1, 3], Gen.Int[0, 2],
        (hours, shop, quantity, then) => new Step(hours, shop, quantity, then));

    /// <summary>Random sales at random hours across midnights, paid online or on delivery, some refunded hours later: after
    /// every step the rollups of every day so far agree with sums taken straight from the orders and refunds.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task Random_sales_and_refunds_across_days_roll_up_to_exactly_what_the_facts_sum_to(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var rollups = kit.Get<RollupService>();
        var first = rollups.Today;
        var (buyer, address) = await kit.BuyerAsync();
        var open = new List<string>();
        await Steps.SampleAsync(async step =>
        {
            kit.Clock.Advance(TimeSpan.FromHours(step.Hours));
            var merchant = step.Shop == 0 ? OrderTestKit.ShopA : OrderTestKit.ShopB;
            var sku = await kit.SkuAsync(merchant, available: 50);
            var number = await PaidAtCashierAsync(kit, buyer, address, sku.SkuId, step.Quantity);
            if (merchant == OrderTestKit.ShopA && (step.Then == 0 || open.Count == 0))
            {
                open.Add(number);
            }
            else if (step.Then == 1 && open.Count > 0)
            {
                kit.Clock.Advance(TimeSpan.FromHours(step.Hours / 2));
                await kit.CancelledAndRefundedAsync(buyer, open[0]);
                open.RemoveAt(0);
            }
            var range = new DateRange(first, rollups.Today);
            foreach (var day in range.Days())
            {
                await rollups.RefreshDayAsync(day);
            }
            await AssertMatchesFactsAsync(kit, range);
        }, iter: provider == DatabaseProvider.Sqlite ? 10 : 5, threads: 1);
    }

    /// <summary>Each shop's day as summed straight from the facts: the Total row, and every dimension adding up to it.</summary>
    internal static async Task AssertMatchesFactsAsync(OrderTestKit kit, DateRange range)
    {
        var zone = kit.Get<BusinessTimeZone>();
        await using var db = await kit.Db.ContextAsync();
        foreach (var day in range.Days())
        {
            var (start, end) = (zone.StartOfDayUtc(day), zone.StartOfDayUtc(day.AddDays(1)));
            var orders = await db.Orders.Where(o => o.PaidAt >= start && o.PaidAt < end).Select(o => new { o.Id, o.ShopId, o.TotalFen }).ToListAsync();
            var ids = orders.Select(o => o.Id).ToList();
            var lines = (await db.OrderLines.Where(l => ids.Contains(l.OrderId)).Select(l => new { l.OrderId, l.Quantity, l.Amount }).ToListAsync())
                .Select(l => (Shop: orders.Single(o => o.Id == l.OrderId).ShopId, l.Quantity, l.Amount.Fen)).ToList();
            var refunds = (await db.Refunds.Where(r => r.Status == RefundStatus.Refunded && r.DecidedAt >= start && r.DecidedAt < end)
                .Select(r => new { r.ShopId, r.Amount }).ToListAsync()).Select(r => (Shop: r.ShopId, r.Amount.Fen)).ToList();
            var rows = await db.SalesRollups.AsNoTracking().Where(r => r.Day == day && r.ShopId != 0).ToListAsync();
            foreach (var shop in orders.Select(o => o.ShopId).Concat(refunds.Select(r => r.Shop)).Distinct())
            {
                var total = rows.Single(r => r.ShopId == shop && r.Dimension == SalesDimension.Total);
                var expected = (orders.Count(o => o.ShopId == shop), orders.Where(o => o.ShopId == shop).Sum(o => o.TotalFen),
                    lines.Where(l => l.Shop == shop).Sum(l => l.Quantity), refunds.Count(r => r.Shop == shop), refunds.Where(r => r.Shop == shop).Sum(r => r.Fen));
                Assert.Equal(expected, (total.Orders, total.SalesFen, total.Units, total.Refunds, total.RefundFen));
                long Sum(SalesDimension d, Func<SalesRollup, long> f) => rows.Where(r => r.ShopId == shop && r.Dimension == d).Sum(f);
                Assert.Equal(lines.Where(l => l.Shop == shop).Sum(l => l.Fen), Sum(SalesDimension.Category, r => r.SalesFen));
                Assert.Equal(lines.Where(l => l.Shop == shop).Sum(l => l.Fen), Sum(SalesDimension.Product, r => r.SalesFen));
                Assert.Equal(total.SalesFen, Sum(SalesDimension.Payment, r => r.SalesFen));
                Assert.Equal(total.RefundFen, Sum(SalesDimension.Channel, r => r.RefundFen));
                Assert.Equal(total.Orders, Sum(SalesDimension.Province, r => r.Orders));
            }
            Assert.All(rows.Where(r => r.Dimension == SalesDimension.Total && !orders.Any(o => o.ShopId == r.ShopId) && !refunds.Any(f => f.Shop == r.ShopId)),
                r => Assert.Equal((0, 0L, 0L), (r.Orders, r.SalesFen, r.RefundFen)));
        }
    }

    /// <summary>An order paid at the sandbox cashier, so the provider can refund it.</summary>
    internal static async Task<string> PaidAtCashierAsync(OrderTestKit kit, Actor buyer, int address, int skuId, int quantity)
    {
        var number = Assert.Single((await kit.PlaceAsync(buyer, address, [new CheckoutLine(skuId, quantity)])).OrderNumbers);
        await kit.PayAtCashierAsync(buyer, number);
        return number;
    }

    private static async Task<SalesRollup> TotalAsync(OrderTestKit kit, DateOnly day)
    {
        await kit.Get<RollupService>().RefreshDayAsync(day);
        var shopId = (await kit.SkuAsync()).ShopId;
        return await kit.QueryAsync(c => c.SalesRollups.AsNoTracking().SingleOrDefaultAsync(r => r.Day == day && r.ShopId == shopId && r.Dimension == SalesDimension.Total))
            ?? new SalesRollupProbe();
    }

    private static Task<List<(int, SalesDimension, string, long, int, long)>> RowsAsync(OrderTestKit kit, DateOnly day) =>
        kit.QueryAsync(async c => (await c.SalesRollups.AsNoTracking().Where(r => r.Day == day).ToListAsync())
            .Select(r => (r.ShopId, r.Dimension, r.Key, r.SalesFen, r.Orders, r.RefundFen)).OrderBy(r => r.ShopId).ThenBy(r => r.Dimension).ThenBy(r => r.Key).ToList());

    /// <summary>A day with nothing yet: every figure zero.</summary>
    private sealed class SalesRollupProbe : SalesRollup;
}
