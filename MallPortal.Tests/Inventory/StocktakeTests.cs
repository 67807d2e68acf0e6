using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Inventory;

public class StocktakeTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Approval_writes_one_adjustment_per_variance_and_keeps_sales_made_while_counting(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider);
        var merchant = await InventoryServiceTests.MerchantAsync(db, "13800000001");
        var skuId = await InventoryServiceTests.SetStockAsync(db, "13800000001", 20);
        var stocktakes = db.Services.GetRequiredService<StocktakeService>();
        var id = await stocktakes.CreateAsync(merchant, null);

        await db.Services.GetRequiredService<InventoryService>().ReserveAsync([new StockLine(skuId, 2)], "ORDER-1");
        await db.Services.GetRequiredService<InventoryService>().ShipAsync([new StockLine(skuId, 2)], "ORDER-1");
        await stocktakes.CountAsync(merchant, id, [new CountInput(skuId, 17, "货架少 3 件")]);
        var report = await stocktakes.GetAsync(merchant, id);
        await stocktakes.ApproveAsync(merchant, id);
        var twice = await Assert.ThrowsAsync<DomainException>(() => stocktakes.ApproveAsync(merchant, id));

        var line = report.Lines.Single(l => l.SkuId == skuId);
        Assert.Equal((20, 17, -3), (line.Recorded, line.Counted, line.Variance));
        Assert.Equal(15, (await InventoryServiceTests.ItemAsync(db, skuId)).OnHand); // 20 - 2 shipped - 3 missing
        Assert.Equal("该盘点单已审核，不能再修改或重复审核", twice.Message);
        await using var context = await db.ContextAsync();
        Assert.Equal(1, await context.StockMovements.CountAsync(m => m.Kind == StockMovementKind.Stocktake));
        Assert.Empty(await db.Services.GetRequiredService<InventoryService>().ReconcileAsync());
    }

    [Fact]
    public async Task A_csv_with_bad_rows_reports_each_by_line_number_and_applies_nothing()
    {
        await using var db = await TestDatabase.CreateSeededAsync(DatabaseProvider.Sqlite);
        var merchant = await InventoryServiceTests.MerchantAsync(db, "13800000001");
        var stocktakes = db.Services.GetRequiredService<StocktakeService>();
        var id = await stocktakes.CreateAsync(merchant, null);

        var errors = await stocktakes.ImportCsvAsync(merchant, id, "SKU编码,实盘数量\nDM001-01,5\nNOPE-1,3\nDM001-02,-1\nDM001-03\n");
        var clean = await stocktakes.ImportCsvAsync(merchant, id, "DM001-01,5,盘点\nDM001-02,0\n");

        Assert.Equal(["第 3 行：SKU 编码“NOPE-1”不在本次盘点中", "第 4 行：实盘数量“-1”不是非负整数",
            "第 5 行：格式应为“SKU 编码,实盘数量[,原因]”"], errors);
        Assert.Empty(clean);
        var lines = (await stocktakes.GetAsync(merchant, id)).Lines;
        Assert.Equal(5, lines.Single(l => l.Code == "DM001-01").Counted);
        Assert.Equal(2, lines.Count(l => l.Counted is not null));
    }

    [Fact]
    public async Task Another_shops_stocktake_is_not_found()
    {
        await using var db = await TestDatabase.CreateSeededAsync(DatabaseProvider.Sqlite);
        var a = await InventoryServiceTests.MerchantAsync(db, "13800000001");
        var b = await InventoryServiceTests.MerchantAsync(db, "13800000002");
        var stocktakes = db.Services.GetRequiredService<StocktakeService>();
        var id = await stocktakes.CreateAsync(a, null);

        await Assert.ThrowsAsync<DomainException>(() => stocktakes.GetAsync(b, id));
        await Assert.ThrowsAsync<DomainException>(() => stocktakes.ApproveAsync(b, id));
    }
}
