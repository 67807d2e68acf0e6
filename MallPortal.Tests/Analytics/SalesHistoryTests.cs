using MallPortal.Core.Accounts;
using MallPortal.Core.Analytics;
using MallPortal.Core.Analytics.History;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Distribution.Funds;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments.Bills;
using MallPortal.Core.Orders.Settlement;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Analytics;

/// <summary>Generated sales history on the seeded demo: where it lands, that it repeats, and that every ledger check stays clean.</summary>
public sealed class SalesHistoryTests
{
    // The test clock stands at 2026-11-26 10:00 in Shanghai: the history ends yesterday and holds 双11.
    private static readonly DateRange History = new(new DateOnly(2026, 10, 28), new DateOnly(2026, 11, 25));

    private static readonly HistoryOptions Small = new(Seed: 7, OrdersPerShopDay: 6, Buyers: 200);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Generated_orders_are_paid_only_on_the_days_asked_for_and_the_same_seed_gives_the_same_history(DatabaseProvider provider)
    {
        await using var first = await TestDatabase.CreateSeededAsync(provider);
        await using var second = await TestDatabase.CreateSeededAsync(provider);
        var report = await GenerateAsync(first);
        Assert.Equal(report, await GenerateAsync(second));

        var zone = first.Services.GetRequiredService<BusinessTimeZone>();
        var (start, end) = (zone.StartOfDayUtc(History.From), zone.StartOfDayUtc(History.To.AddDays(1)));
        var orders = await OrdersAsync(first);
        Assert.Equal(report.Orders, orders.Count);
        Assert.All(orders, o => Assert.InRange(o.PaidAt!.Value, start, end.AddTicks(-1)));
        Assert.Equal(orders, await OrdersAsync(second));
        Assert.InRange(report.Refunds, 1, report.Orders / 10);
        Assert.InRange(report.Attributed, report.Orders / 5, report.Orders * 2 / 5);
        await using var db = await first.ContextAsync();
        Assert.True(await db.Users.AnyAsync(u => u.UserName == "history-buyer-0001" && u.Nickname == "历史买家0001" && u.PasswordHash == null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => GenerateAsync(first));
    }

    [Fact]
    public async Task Double11_is_the_busiest_day_by_far()
    {
        await using var database = await TestDatabase.CreateSeededAsync(DatabaseProvider.Sqlite);
        await GenerateAsync(database);
        await using var db = await database.ContextAsync();
        var byDay = await db.SalesRollups.Where(r => r.Dimension == SalesDimension.Total && r.Day >= History.From && r.Day <= History.To)
            .GroupBy(r => r.Day).Select(g => new { g.Key, Orders = g.Sum(r => r.Orders) }).ToDictionaryAsync(d => d.Key, d => d.Orders);
        var ordinary = new DateRange(new DateOnly(2026, 10, 28), new DateOnly(2026, 10, 31)).Days().Average(d => byDay.GetValueOrDefault(d));
        var peak = byDay[new DateOnly(2026, 11, 11)];
        Assert.True(peak > 4 * ordinary, $"双11 {peak} orders, an ordinary day {ordinary:F1}");
        Assert.Equal(peak, byDay.Values.Max());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_reconciliation_stays_clean_after_generating_and_after_the_settlement_job_runs_on(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateSeededAsync(provider);
        var services = database.Services;
        var openBefore = await OpenBillDifferencesAsync(database);
        await GenerateAsync(database);
        var admin = await AdminAsync(database);
        var zone = services.GetRequiredService<BusinessTimeZone>();

        Assert.Empty(await services.GetRequiredService<InventoryService>().ReconcileAsync());
        Assert.Empty(await services.GetRequiredService<CommissionReconciliation>().DifferencesAsync());
        Assert.Empty(await services.GetRequiredService<RollupService>().CheckAsync(admin, History));
        var funds = services.GetRequiredService<FundsReconciliation>();
        var everything = Period.Days(zone, History.From, History.To.AddDays(1));
        Assert.True((await funds.RunAsync(admin, everything)).Balanced);
        // The bill job's first run after the seeding fetches yesterday: the history's own bills are there already.
        await services.GetRequiredService<BillReconciliation>().ImportYesterdayAsync();
        Assert.Equal(openBefore, await OpenBillDifferencesAsync(database));

        var later = database.Clock.GetUtcNow().UtcDateTime.AddDays(30);
        while (await services.GetRequiredService<ShopSettlementService>().SettleDueAsync(later) > 0)
        {
        }
        var report = await funds.RunAsync(admin, everything);
        Assert.True(report.Balanced, string.Join("; ", report.Balances.Select(b => $"{b.Name} {b.Bucket} {b.StoredFen} != {b.LedgerFen}")));
        await using var db = await database.ContextAsync();
        Assert.False(await db.OrderSettlements.AnyAsync(s => s.SettledAt == null && s.ReceivedAt != null
                                                             && db.Orders.Any(o => o.Id == s.OrderId && o.Number.StartsWith("H"))));
    }

    [Fact]
    public async Task The_demo_seeder_writes_the_configured_days_ending_yesterday_and_names_the_promotions_inside_them()
    {
        await using var database = await TestDatabase.CreateSeededAsync(DatabaseProvider.Sqlite);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AnalyticsDemoSeeder.HistoryDaysKey] = "60" })
            .Build();
        var seeder = ActivatorUtilities.CreateInstance<AnalyticsDemoSeeder>(database.Services, configuration);
        await seeder.SeedAsync(CancellationToken.None);

        await using var db = await database.ContextAsync();
        var zone = database.Services.GetRequiredService<BusinessTimeZone>();
        var paid = await db.Orders.Where(o => o.Number.StartsWith("H")).Select(o => o.PaidAt!.Value).ToListAsync();
        Assert.Equal((new DateOnly(2026, 9, 27), new DateOnly(2026, 11, 25)),
            (DateOnly.FromDateTime(zone.ToLocal(paid.Min())), DateOnly.FromDateTime(zone.ToLocal(paid.Max()))));
        var periods = await db.PromotionPeriods.Select(p => new { p.ShopId, p.Name, p.From, p.To }).ToListAsync();
        var double11 = Assert.Single(periods);
        Assert.Equal((null, "2026双11", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 11)), (double11.ShopId, double11.Name, double11.From, double11.To));
        Assert.NotEmpty(await db.SalesRollups.Where(r => r.Day == new DateOnly(2026, 9, 27)).ToListAsync());
    }

    private static Task<HistoryReport> GenerateAsync(TestDatabase database) =>
        database.Services.GetRequiredService<SalesHistoryGenerator>().GenerateAsync(History, Small);

    private sealed record OrderSeen(string Number, int ShopId, int BuyerUserId, long TotalFen, string PaymentMethod, string Province, DateTime? PaidAt,
        OrderStatus Status);

    private static async Task<List<OrderSeen>> OrdersAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await db.Orders.Where(o => o.Number.StartsWith("H")).OrderBy(o => o.Number)
            .Select(o => new OrderSeen(o.Number, o.ShopId, o.BuyerUserId, o.TotalFen, o.PaymentMethod, o.RecipientProvince, o.PaidAt, o.Status))
            .ToListAsync();
    }

    private static async Task<int> OpenBillDifferencesAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await db.BillDifferences.CountAsync(d => d.Status == BillDifferenceStatus.Open);
    }

    private static async Task<Actor> AdminAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await AdminLookup.FirstAsync(db, CancellationToken.None);
    }
}
