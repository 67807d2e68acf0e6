using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Inventory;

public class InventoryServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Fifty_parallel_buyers_of_one_unit_take_exactly_the_ten_in_stock(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider, sqliteFile: true);
        var skuId = await SetStockAsync(db, "13800000001", 10);
        var inventory = db.Services.GetRequiredService<InventoryService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                await inventory.ReserveAsync([new StockLine(skuId, 1)], $"ORDER-{i}");
                return true;
            }
            catch (DomainException ex) when (ex.Message == "库存不足")
            {
                return false;
            }
        }));

        Assert.Equal(10, results.Count(r => r));
        var item = await ItemAsync(db, skuId);
        Assert.Equal((10, 10, 0), (item.OnHand, item.Reserved, item.Available));
        Assert.Empty(await inventory.ReconcileAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_reservation_that_cannot_be_met_in_full_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider);
        var first = await SetStockAsync(db, "13800000001", 5, index: 0);
        var second = await SetStockAsync(db, "13800000001", 1, index: 1);
        var inventory = db.Services.GetRequiredService<InventoryService>();
        // The demo's own orders may hold some of these units already.
        var before = ((await ItemAsync(db, first)).Reserved, (await ItemAsync(db, second)).Reserved);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            inventory.ReserveAsync([new StockLine(first, 2), new StockLine(second, 2)], "ORDER-X"));

        Assert.Equal("库存不足", error.Message);
        Assert.Equal(before, ((await ItemAsync(db, first)).Reserved, (await ItemAsync(db, second)).Reserved));
        await using var context = await db.ContextAsync();
        Assert.Equal(0, await context.StockMovements.CountAsync(m => m.Reference == "ORDER-X"));
    }

    [Fact]
    public async Task Any_sequence_of_operations_keeps_stock_equal_to_the_ledger_and_never_negative()
    {
        await using var db = await TestDatabase.CreateSeededAsync(DatabaseProvider.Sqlite);
        var merchant = await MerchantAsync(db, "13800000001");
        var skus = (await db.Services.GetRequiredService<StockQueries>().ListAsync(merchant, null, false, 0, 3)).Items.Select(r => r.SkuId).ToList();
        var inventory = db.Services.GetRequiredService<InventoryService>();
        var stock = db.Services.GetRequiredService<StockService>();
        var random = new Random(5);
        for (var step = 0; step < 300; step++)
        {
            var line = new StockLine(skus[random.Next(skus.Count)], random.Next(1, 6));
            try
            {
                await (random.Next(6) switch
                {
                    0 => inventory.ReserveAsync([line], $"R{step}"),
                    1 => inventory.ReleaseAsync([line], $"L{step}"),
                    2 => inventory.ShipAsync([line], $"S{step}"),
                    3 => inventory.ReturnAsync([line], $"T{step}"),
                    4 => stock.ReceiveAsync(merchant, new InboundInput("供应商", null, [line])),
                    _ => stock.AdjustAsync(merchant, line.SkuId, random.Next(2) == 0 ? -line.Quantity : line.Quantity, "盘亏"),
                });
            }
            catch (DomainException)
            {
                // Refused operations are part of the property: they must change nothing.
            }
            Assert.Empty(await inventory.ReconcileAsync());
            foreach (var sku in skus)
            {
                var item = await ItemAsync(db, sku);
                Assert.True(item.Reserved >= 0 && item.Available >= 0, $"step {step}: {item.OnHand}/{item.Reserved}");
            }
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Falling_to_the_threshold_opens_an_alert_for_the_owner_and_restocking_closes_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider);
        var merchant = await MerchantAsync(db, "13800000001");
        var skuId = await SetStockAsync(db, "13800000001", 12);
        var stock = db.Services.GetRequiredService<StockService>();
        await stock.SetThresholdAsync(merchant, skuId, 10);

        await stock.AdjustAsync(merchant, skuId, -3, "破损");
        var open = await db.Services.GetRequiredService<StockQueries>().OpenAlertsAsync(merchant);
        await stock.ReceiveAsync(merchant, new InboundInput("深圳仓", "补货", [new StockLine(skuId, 20)]));

        Assert.Equal(skuId, Assert.Single(open).SkuId);
        Assert.Empty(await db.Services.GetRequiredService<StockQueries>().OpenAlertsAsync(merchant));
        await using var context = await db.ContextAsync();
        Assert.Equal(1, await context.Notifications.CountAsync(n => n.UserId == merchant.UserId && n.Title.StartsWith("库存预警")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_merchant_cannot_see_or_change_another_shops_stock(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider);
        var (a, b) = (await MerchantAsync(db, "13800000001"), await MerchantAsync(db, "13800000002"));
        var queries = db.Services.GetRequiredService<StockQueries>();
        var skuOfA = (await queries.ListAsync(a, null, false, 0, 1)).Items[0].SkuId;
        var stock = db.Services.GetRequiredService<StockService>();

        Assert.DoesNotContain((await queries.ListAsync(b, null, false, 0, 500)).Items, r => r.SkuId == skuOfA);
        await Assert.ThrowsAsync<DomainException>(() => stock.AdjustAsync(b, skuOfA, -1, "偷改"));
        await Assert.ThrowsAsync<DomainException>(() => stock.ReceiveAsync(b, new InboundInput(null, null, [new StockLine(skuOfA, 5)])));
        await Assert.ThrowsAsync<DomainException>(() => stock.SetThresholdAsync(b, skuOfA, 99));
    }

    internal static async Task<Actor> MerchantAsync(TestDatabase db, string phone)
    {
        var user = await db.InScopeAsync(s => s.GetRequiredService<AccountService>().FindForLoginAsync(phone));
        return new Actor(user!.Id, new HashSet<string> { Roles.Merchant, Roles.Consumer });
    }

    /// <summary>Brings one of the shop's SKUs to exactly <paramref name="available"/> through an adjustment.</summary>
    internal static async Task<int> SetStockAsync(TestDatabase db, string phone, int available, int index = 0)
    {
        var merchant = await MerchantAsync(db, phone);
        var row = (await db.Services.GetRequiredService<StockQueries>().ListAsync(merchant, null, false, index, 1)).Items[0];
        if (row.Available != available)
        {
            await db.Services.GetRequiredService<StockService>().AdjustAsync(merchant, row.SkuId, available - row.Available, "测试准备");
        }
        return row.SkuId;
    }

    internal static async Task<StockItem> ItemAsync(TestDatabase db, int skuId)
    {
        await using var context = await db.ContextAsync();
        return await context.StockItems.AsNoTracking().SingleAsync(s => s.SkuId == skuId);
    }
}
