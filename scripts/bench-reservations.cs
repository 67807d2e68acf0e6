#:project ../MallPortal.Core/MallPortal.Core.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false

// Concurrent reservations of one SKU through InventoryService, on SQLite (a file) and, when
// MALLPORTAL_BENCH_POSTGRES (or MALLPORTAL_TEST_POSTGRES) holds a connection string, on PostgreSQL.
// Prints attempts per second, successes, oversell (must be 0) and, for SQLite, the raw conditional-UPDATE
// rate of the same machine measured in the same run, as a ratio.
// Run: dotnet run scripts/bench-reservations.cs [attempts=2000] [parallel=16]
using System.Diagnostics;
using MallPortal.Core;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

var attempts = args.Length > 0 ? int.Parse(args[0]) : 2000;
var parallel = args.Length > 1 ? int.Parse(args[1]) : 16;
var stock = attempts / 2;

var folder = Path.Combine(Path.GetTempPath(), "mallportal-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var sqlite = $"Data Source={Path.Combine(folder, "bench.db")}";
var serviceRate = await RunAsync(DatabaseProvider.Sqlite, sqlite);
var rawRate = await RawSqliteRateAsync(Path.Combine(folder, "raw.db"));
Console.WriteLine($"sqlite raw conditional UPDATE: {rawRate:F0}/s; service/raw = {serviceRate / rawRate:P1}");

var pg = Environment.GetEnvironmentVariable("MALLPORTAL_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("MALLPORTAL_TEST_POSTGRES");
if (!string.IsNullOrEmpty(pg))
{
    var name = "mallportal_bench_" + Guid.NewGuid().ToString("N")[..8];
    await using (var admin = new NpgsqlConnection(pg)) { await admin.OpenAsync(); await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync(); }
    await RunAsync(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(pg) { Database = name }.ConnectionString);
    NpgsqlConnection.ClearAllPools();
    await using (var admin = new NpgsqlConnection(pg)) { await admin.OpenAsync(); await new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", admin).ExecuteNonQueryAsync(); }
}
else
{
    Console.WriteLine("postgres: skipped (set MALLPORTAL_BENCH_POSTGRES to a connection string)");
}
SqliteConnection.ClearAllPools();
Directory.Delete(folder, true);

async Task<double> RunAsync(DatabaseProvider provider, string connectionString)
{
    var services = new ServiceCollection();
    var config = new ConfigurationBuilder().Build();
    services.AddLogging().AddDataProtection();
    services.AddSingleton<ILiveUpdates, NoLiveUpdates>();
    services.AddMallDatabase(provider, connectionString);
    services.AddMallCore(config, folder);
    await using var sp = services.BuildServiceProvider();
    await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    var skuId = await SeedSkuAsync(sp, stock);
    var inventory = sp.GetRequiredService<InventoryService>();
    var next = 0;
    var successes = 0;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) <= attempts)
        {
            try
            {
                await inventory.ReserveAsync([new StockLine(skuId, 1)], "BENCH");
                Interlocked.Increment(ref successes);
            }
            catch (DomainException)
            {
            }
        }
    }));
    watch.Stop();
    await using var db = await sp.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
    var item = await db.StockItems.SingleAsync(s => s.SkuId == skuId);
    var rate = attempts / watch.Elapsed.TotalSeconds;
    Console.WriteLine($"{provider.ToString().ToLowerInvariant()}: {attempts} attempts by {parallel} workers in {watch.Elapsed.TotalSeconds:F2} s = {rate:F0} attempts/s; " +
        $"successes {successes} of {stock} in stock; oversell {Math.Max(0, item.Reserved - item.OnHand)}; available {item.OnHand - item.Reserved}");
    return rate;
}

static async Task<int> SeedSkuAsync(IServiceProvider sp, int quantity)
{
    await using var db = await sp.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
    var now = DateTime.UtcNow;
    var owner = MallPortal.Core.Accounts.MallUser.Register(MallPortal.Core.Accounts.LoginIdentifier.Parse("13900000000"), "bench", now);
    db.Users.Add(owner);
    var category = new MallPortal.Core.Catalog.Category("压测", null, 0);
    db.Categories.Add(category);
    await db.SaveChangesAsync();
    var shop = new MallPortal.Core.Catalog.Shop(owner.Id, "压测店", "13900000000", now);
    db.Shops.Add(shop);
    await db.SaveChangesAsync();
    var product = MallPortal.Core.Catalog.Product.Create(shop.Id, new MallPortal.Core.Catalog.ProductInput("压测商品", null, category.Id, null, null, [],
        [new MallPortal.Core.Catalog.SkuInput("B-1", new Money(100), null, null, 0, quantity)], ["products/x.jpg"], [], [], []), "", now);
    db.Products.Add(product);
    await db.SaveChangesAsync();
    var skuId = product.Skus[0].Id;
    db.StockItems.Add(new StockItem(skuId, shop.Id, 0, quantity));
    db.StockMovements.Add(new StockMovement(skuId, shop.Id, StockMovementKind.Inbound, quantity, 0, "BENCH", null, null, now));
    await db.SaveChangesAsync();
    return skuId;
}

async Task<double> RawSqliteRateAsync(string path)
{
    await using var connection = new SqliteConnection($"Data Source={path}");
    await connection.OpenAsync();
    await new SqliteCommand("PRAGMA journal_mode=WAL; CREATE TABLE s(id INTEGER PRIMARY KEY, on_hand INTEGER, reserved INTEGER); INSERT INTO s VALUES(1, 1000000, 0);", connection).ExecuteNonQueryAsync();
    var update = new SqliteCommand("UPDATE s SET reserved = reserved + 1 WHERE id = 1 AND on_hand - reserved >= 1", connection);
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < attempts; i++)
    {
        await update.ExecuteNonQueryAsync();
    }
    return attempts / watch.Elapsed.TotalSeconds;
}

sealed class NoLiveUpdates : ILiveUpdates
{
    public Task PublishAsync<T>(T message, CancellationToken cancellationToken = default) where T : notnull => Task.CompletedTask;

    public IDisposable Subscribe<T>(Func<T, Task> handler) where T : notnull => new Nothing();

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
