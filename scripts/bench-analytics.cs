#:project ../MallPortal/MallPortal.csproj
#:package Microsoft.AspNetCore.Mvc.Testing
#:property TreatWarningsAsErrors=false
#:property PublishAot=false

// The analytics dashboards on a year and more of sales, on SQLite (a file in a fresh temp data folder) and, when
// MALLPORTAL_BENCH_POSTGRES holds a connection string, on PostgreSQL (a throw-away database created for the run and dropped
// after). For each: the app's host is built (migrated, demo seeded, no history), then SalesHistoryGenerator writes a twentieth
// of O orders over 400 days ending yesterday (without the providers' bills and the per-day rollup refresh), copied by
// INSERT … SELECT up to O (see GenerateAsync), the rollups are rebuilt whole (RollupService.RebuildAsync, timed), and then,
// R runs each after two warm-up runs (median and p95):
// - the merchant dashboard of the busiest shop, as its merchant and as the page fetches it: SalesQueries.DashboardAsync,
//   the overview of the last 30 days (with its 环比 and 同比) and the top 10 by category, brand, product, channel, payment
//   and province;
// - the platform dashboard, as the admin: the same with no shop, plus ShopsAsync;
// - RollupService.RefreshDayAsync of the busiest day (双11).
// Prints the data set's size and each figure against its target (merchant < 50 ms, platform < 100 ms, a day's refresh < 1 s),
// with the query plan of the distinct-buyers count (the one query that reads orders, not rollups). Exits 1 when the
// rollups' check finds a difference on the refreshed day. The machine's cores are shared: figures are noisy.
// Run (Release for figures worth comparing): dotnet run -c Release scripts/bench-analytics.cs [orders=1000000] [runs=20] [postgres]
//      MALLPORTAL_BENCH_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres" dotnet run -c Release scripts/bench-analytics.cs
using System.Diagnostics;
using MallPortal.Core.Accounts;
using MallPortal.Core.Analytics;
using MallPortal.Core.Analytics.History;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

var orders = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1]) : 20;
const int Days = 400;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MALLPORTAL",
    Path.GetFullPath(Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, "..", "MallPortal")));
var failures = new List<string>();
Console.WriteLine($"analytics bench: about {orders} orders over {Days} days, {runs} runs per figure after 2 warm-ups; {Environment.ProcessorCount} cores (shared: figures are noisy)");

// A third argument "postgres" skips SQLite (to run the providers one after the other, or side by side).
if (args.Length < 3 || args[2] != "postgres")
{
    await RunAsync("sqlite", null);
}
var pg = Environment.GetEnvironmentVariable("MALLPORTAL_BENCH_POSTGRES");
if (!string.IsNullOrEmpty(pg))
{
    var name = "mallportal_bench_" + Guid.NewGuid().ToString("N")[..8];
    await using (var admin = new NpgsqlConnection(pg)) { await admin.OpenAsync(); await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync(); }
    try
    {
        await RunAsync("postgres", new NpgsqlConnectionStringBuilder(pg) { Database = name }.ConnectionString);
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(pg);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
}
else
{
    Console.WriteLine("postgres: skipped (set MALLPORTAL_BENCH_POSTGRES to a connection string)");
}
foreach (var failure in failures)
{
    Console.WriteLine("FAILED: " + failure);
}
Console.WriteLine(failures.Count == 0 ? "all checks passed" : $"{failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;

async Task RunAsync(string label, string? postgres)
{
    var folder = Path.Combine(Path.GetTempPath(), "mallportal-analytics-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    var factory = new BenchFactory(folder, postgres);
    try
    {
        var started = Stopwatch.StartNew();
        var services = factory.Services;
        Console.WriteLine();
        Console.WriteLine($"== {label}: app migrated with demo data in {started.Elapsed.TotalSeconds:F1} s");
        var contexts = services.GetRequiredService<IDbContextFactory<MallDbContext>>();
        var rollups = services.GetRequiredService<RollupService>();
        var today = rollups.Today;
        var history = new DateRange(today.AddDays(-Days), today.AddDays(-1));
        await GenerateAsync(label, services.GetRequiredService<SalesHistoryGenerator>(), history, contexts);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var admin = new Actor(await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin
                                         orderby ur.UserId select ur.UserId).FirstAsync(), new HashSet<string> { Roles.Admin });
            var watch = Stopwatch.StartNew();
            await rollups.RebuildAsync(admin, new DateRange(history.From, today));
            Console.WriteLine($"[{label}] full rebuild of {history.Length + 1} days' rollups: {watch.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"[{label}] data: {await db.Orders.CountAsync():N0} orders, {await db.OrderLines.CountAsync():N0} lines, " +
                $"{await db.Refunds.CountAsync():N0} refunds, {await db.SettlementEntries.CountAsync():N0} settlement entries, {await db.SalesRollups.CountAsync():N0} rollup rows");
            await DashboardsAsync(label, services, db, admin, today, postgres is not null);
        }
    }
    finally
    {
        factory.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, true);
    }
}

// A base of generated history (about orders / copies, through SalesHistoryGenerator), then copied with INSERT … SELECT until
// the orders asked for: the copies share their originals' day, shop, buyer, payment and lines, with new ids and numbers.
// Bench-only: the copies carry what the rollups and dashboards read (orders, lines, attributions, refunds), not the
// timeline, the settlement ledger or the payments, so the reconciliations are not run on this data set.
async Task GenerateAsync(string label, SalesHistoryGenerator generator, DateRange history, IDbContextFactory<MallDbContext> contexts)
{
    const int Copies = 20;
    await using var db = await contexts.CreateDbContextAsync();
    var shops = await db.Shops.CountAsync(s => db.Products.Any(p => p.ShopId == s.Id && p.Status == MallPortal.Core.Catalog.ProductStatus.OnSale));
    var perShop = Enumerable.Range(0, shops).Sum(i => Math.Pow(0.75, i)) * history.Days().Sum(d => HistoryCalendar.Demand(d, history.To));
    var baseOrders = Math.Max(1, orders / Copies);
    var options = new HistoryOptions(OrdersPerShopDay: Math.Max(1, (int)Math.Round(baseOrders / perShop)), Buyers: Math.Max(2000, orders / 50),
        RefreshRollups: false, Bills: false);
    Console.WriteLine($"[{label}] generating: {shops} shops, {options.OrdersPerShopDay} orders per ordinary day of the first shop, {options.Buyers} buyers, then {Copies - 1} copies");
    var watch = Stopwatch.StartNew();
    var report = await generator.GenerateAsync(history, options);
    Console.WriteLine($"[{label}] generated {report.Orders:N0} orders through the generator in {watch.Elapsed.TotalSeconds:F1} s ({report.Orders / watch.Elapsed.TotalSeconds:N0} orders/s)");
    watch.Restart();
    await CopyAsync(db, Copies - 1);
    Console.WriteLine($"[{label}] copied to {await db.Orders.CountAsync():N0} orders in {watch.Elapsed.TotalSeconds:F1} s");
}

async Task CopyAsync(MallDbContext db, int copies)
{
    var tables = new (Type Entity, string Filter, Dictionary<string, Type> Shifts)[]
    {
        (typeof(Order), "\"Number\" LIKE 'H%'", new() { ["Id"] = typeof(Order) }),
        (typeof(OrderLine), "\"OrderId\" IN (SELECT \"Id\" FROM \"Orders\" WHERE \"Number\" LIKE 'H%')", new() { ["Id"] = typeof(OrderLine), ["OrderId"] = typeof(Order) }),
        (typeof(MallPortal.Core.Distribution.OrderAttribution), "\"OrderId\" IN (SELECT \"Id\" FROM \"Orders\" WHERE \"Number\" LIKE 'H%')",
            new() { ["Id"] = typeof(MallPortal.Core.Distribution.OrderAttribution), ["OrderId"] = typeof(Order) }),
        (typeof(Refund), "\"Number\" LIKE 'H%'", new() { ["Id"] = typeof(Refund), ["OrderId"] = typeof(Order) }),
        (typeof(RefundLine), "\"RefundId\" IN (SELECT \"Id\" FROM \"Refunds\" WHERE \"Number\" LIKE 'H%')",
            new() { ["Id"] = typeof(RefundLine), ["RefundId"] = typeof(Refund), ["OrderLineId"] = typeof(OrderLine) }),
    };
    var maxIds = new Dictionary<Type, long>();
    foreach (var (entity, _, _) in tables)
    {
        maxIds[entity] = await ScalarAsync(db, $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{db.Model.FindEntityType(entity)!.GetTableName()}\"");
    }
    for (var k = 1; k <= copies; k++)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var (entity, filter, shifts) in tables)
        {
            var type = db.Model.FindEntityType(entity)!;
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetProperties().Select(p => p.GetColumnName(table)!).ToList();
            var values = columns.Select(c => shifts.TryGetValue(c, out var of) ? $"\"{c}\" + {k * maxIds[of]}"
                : c == "Number" ? $"\"Number\" || 'x{k}'" : $"\"{c}\"");
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"SELECT {string.Join(", ", values)} FROM \"{table.Name}\" WHERE \"Id\" <= {maxIds[entity]} AND {filter}");
        }
        await transaction.CommitAsync();
    }
    if (db.Database.IsNpgsql())
    {
        // What autovacuum does after a bulk load (by inserted rows since PostgreSQL 13): statistics, and the visibility map
        // that lets the distinct-buyer counts read the covering index alone.
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    }
}

static async Task<long> ScalarAsync(MallDbContext db, string sql)
{
    var connection = db.Database.GetDbConnection();
    if (connection.State != System.Data.ConnectionState.Open)
    {
        await connection.OpenAsync();
    }
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    return Convert.ToInt64(await command.ExecuteScalarAsync());
}

async Task DashboardsAsync(string label, IServiceProvider services, MallDbContext db, Actor admin, DateOnly today, bool isPostgres)
{
    var queries = services.GetRequiredService<SalesQueries>();
    var rollups = services.GetRequiredService<RollupService>();
    var busiest = await db.SalesRollups.Where(r => r.Dimension == SalesDimension.Total && r.ShopId != 0).GroupBy(r => r.ShopId)
        .Select(g => new { g.Key, Sales = g.Sum(r => r.SalesFen) }).OrderByDescending(g => g.Sales).Select(g => g.Key).FirstAsync();
    var owner = await db.Shops.Where(s => s.Id == busiest).Select(s => s.OwnerUserId).SingleAsync();
    var merchant = new Actor(owner, new HashSet<string> { Roles.Merchant });
    var range = SalesPeriods.Of(PeriodKind.Last30, today);
    var previous = SalesPeriods.Previous(PeriodKind.Last30, range);
    SalesDimension[] dimensions = [SalesDimension.Category, SalesDimension.Brand, SalesDimension.Product, SalesDimension.Channel, SalesDimension.Payment,
        SalesDimension.Province];
    // As the dashboard page fetches it: the overview and the six breakdowns (top 10 each) on one connection.
    async Task<int> Dashboard(Actor actor, bool platform)
    {
        var data = await queries.DashboardAsync(actor, null, range, previous, dimensions, 10);
        return data.Overview.Current.Orders + (platform ? (await queries.ShopsAsync(actor, range)).Count : 0);
    }
    var merchantOverview = await TimeAsync(() => queries.OverviewAsync(merchant, null, range, previous));
    var merchantAll = await TimeAsync(() => Dashboard(merchant, false));
    var platformOverview = await TimeAsync(() => queries.OverviewAsync(admin, null, range, previous));
    var platformAll = await TimeAsync(() => Dashboard(admin, true));
    var busy = await db.SalesRollups.Where(r => r.Dimension == SalesDimension.Total).GroupBy(r => r.Day)
        .Select(g => new { g.Key, Orders = g.Sum(r => r.Orders) }).OrderByDescending(g => g.Orders).FirstAsync();
    var refresh = await TimeAsync(() => rollups.RefreshDayAsync(busy.Key), Math.Min(runs, 10));
    Console.WriteLine($"[{label}] last 30 days {range}: busiest shop {busiest}, {merchantOverview.Result.Current.Orders:N0} of its orders, " +
        $"{platformOverview.Result.Current.Orders:N0} on the platform");
    Console.WriteLine($"[{label}]   merchant OverviewAsync alone       : {merchantOverview.Timing}");
    Console.WriteLine($"[{label}]   merchant dashboard (overview + 6)  : {merchantAll.Timing}  target < 50 ms: {Verdict(merchantAll.Timing, 50)}");
    Console.WriteLine($"[{label}]   platform OverviewAsync alone       : {platformOverview.Timing}");
    Console.WriteLine($"[{label}]   platform dashboard (+ 6 + shops)   : {platformAll.Timing}  target < 100 ms: {Verdict(platformAll.Timing, 100)}");
    Console.WriteLine($"[{label}]   RefreshDayAsync {busy.Key} ({busy.Orders:N0} orders, {refresh.Result} rows): {refresh.Timing}  target < 1000 ms: {Verdict(refresh.Timing, 1000)}");
    var differences = await rollups.CheckAsync(admin, new DateRange(busy.Key, busy.Key));
    if (differences.Count > 0)
    {
        failures.Add($"{label}: {differences.Count} rollup differences on {busy.Key}");
    }
    await PlansAsync(label, db, services.GetRequiredService<BusinessTimeZone>(), busiest, range, isPostgres);
}

// The distinct buyers of a period come from the orders (a sum of days would count a returning buyer twice): their plans.
async Task PlansAsync(string label, MallDbContext db, BusinessTimeZone zone, int shopId, DateRange range, bool isPostgres)
{
    var (start, end) = (zone.StartOfDayUtc(range.From), zone.StartOfDayUtc(range.To.AddDays(1)));
    var shop = db.Orders.Where(o => o.PaidAt >= start && o.PaidAt < end && o.ShopId == shopId).Select(o => o.BuyerUserId).Distinct();
    var platform = db.Orders.Where(o => o.PaidAt >= start && o.PaidAt < end).Select(o => o.BuyerUserId).Distinct();
    Console.WriteLine($"[{label}]   plan, a shop's distinct buyers : {await PlanAsync(db, shop.ToQueryString(), isPostgres)}");
    Console.WriteLine($"[{label}]   plan, platform distinct buyers : {await PlanAsync(db, platform.ToQueryString(), isPostgres)}");
}

async Task<(Timing Timing, T Result)> TimeAsync<T>(Func<Task<T>> work, int? count = null)
{
    var result = await work();
    await work();
    var times = new List<double>();
    for (var i = 0; i < (count ?? runs); i++)
    {
        var watch = Stopwatch.StartNew();
        result = await work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    return (new Timing(times), result);
}

static string Verdict(Timing timing, double targetMs) => timing.Median < targetMs ? "met" : "MISSED";

static async Task<string> PlanAsync(MallDbContext db, string sql, bool isPostgres)
{
    // ToQueryString puts the parameters first (SQLite: ".param set @p 'v'"; Npgsql: "-- @p='v'"): bind them again.
    var lines = sql.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
    var head = lines.TakeWhile(l => l.StartsWith(".param") || l.StartsWith("-- @")).ToList();
    var body = string.Join("\n", lines.Skip(head.Count).SkipWhile(l => l.Length == 0));
    var connection = db.Database.GetDbConnection();
    if (connection.State != System.Data.ConnectionState.Open)
    {
        await connection.OpenAsync();
    }
    await using var command = connection.CreateCommand();
    command.CommandText = (isPostgres ? "EXPLAIN ANALYZE " : "EXPLAIN QUERY PLAN ") + body;
    foreach (var line in head)
    {
        var text = line.StartsWith(".param set ") ? line[".param set ".Length..] : line[3..];
        var split = text.IndexOfAny([' ', '=']);
        var value = text[(split + 1)..].Trim();
        var parameter = command.CreateParameter();
        parameter.ParameterName = text[..split];
        // Npgsql quotes every value (-- @shopId='1'); SQLite quotes only text: a number stays a number, a time a time.
        var raw = value.StartsWith('\'') ? value[1..value.IndexOf('\'', 1)] : value.Split(' ')[0];
        parameter.Value = int.TryParse(raw, out var n) ? n
            : DateTime.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var at) ? at : raw;
        command.Parameters.Add(parameter);
    }
    var plan = new List<string>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        plan.Add(reader.GetValue(reader.FieldCount - 1).ToString()!.Trim());
    }
    return string.Join(" | ", plan);
}

sealed record Timing(IReadOnlyList<double> Ms)
{
    public double Median => Ms.Order().ElementAt(Ms.Count / 2);

    public override string ToString()
    {
        var sorted = Ms.Order().ToList();
        return $"median {Median,7:F1} ms, p95 {sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.95 * sorted.Count) - 1)],7:F1} ms";
    }
}

sealed class BenchFactory(string folder, string? postgres) : WebApplicationFactory<MallPortal.Components.App>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Folder", folder);
        builder.UseSetting("Demo:SeedOnFirstRun", "true");
        builder.UseSetting("Demo:HistoryDays", "0");
        builder.UseSetting("Admin:Login", "admin@bench.local");
        builder.UseSetting("Admin:Password", "admin1234");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (postgres is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Mall", postgres);
        }
        builder.ConfigureLogging(l => l.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
    }
}
