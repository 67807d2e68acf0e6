#:project ../MallPortal/MallPortal.csproj
#:package Microsoft.AspNetCore.Mvc.Testing
#:property TreatWarningsAsErrors=false
#:property PublishAot=false

// A flash sale over real HTTP: the whole web app on Kestrel (127.0.0.1, free port) with a fresh SQLite file in a temp
// data folder, or a fresh PostgreSQL database when MALLPORTAL_BENCH_POSTGRES holds a connection string (a database it
// may create databases from; the bench database is dropped at the end); N buyers, each signed in through the login form
// with its own cookies, race for one SKU holding fewer units than buyers, every one POSTing /api/checkout for 1 unit (at
// most C in flight). Only the checkout phase is timed, after a short warm-up on another SKU. Prints orders/s and
// checkouts/s, checkout latency (p50, p99, max), orders created (from the database), refusals, oversell (must be 0) with
// the stock row, and the raw conditional-UPDATE rate of a plain SQLite file (WAL) measured in the same run, as a ratio.
// Exits 1 on oversell, on orders created != units, or on any answer but 200 / 409 库存不足.
// Set-up is kept short (a cheap password hash for the bench's own buyers), and the session check runs on every request,
// as it does for buyers who signed in more than Accounts:SessionCheckSeconds before the sale (the usual case).
// Run: dotnet run -c Release scripts/bench-flash-sale.cs [buyers=200] [units=50] [concurrency=32]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

var buyers = args.Length > 0 ? int.Parse(args[0]) : 200;
var units = args.Length > 1 ? int.Parse(args[1]) : 50;
var concurrency = args.Length > 2 ? int.Parse(args[2]) : 32;
const string Password = "bench1234";

var folder = Path.Combine(Path.GetTempPath(), "mallportal-flash-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var postgresAdmin = Environment.GetEnvironmentVariable("MALLPORTAL_BENCH_POSTGRES") is { Length: > 0 } pg ? pg : null;
var postgresName = "mallportal_bench_" + Guid.NewGuid().ToString("N");
// WebApplicationFactory finds the app's content root (wwwroot, appsettings.json) through this setting.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MALLPORTAL",
    Path.GetFullPath(Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, "..", "MallPortal")));
var factory = new BenchFactory(folder, postgresAdmin is null ? null : await CreatePostgresAsync(postgresAdmin, postgresName));
var people = new List<(int AddressId, HttpClient Http)>();
try
{
    // The yardstick first, while the machine is quiet: the same conditional UPDATE on a plain SQLite file.
    var rawRate = await RawSqliteRateAsync(Path.Combine(folder, "raw.db"), 5000);
    var stdout = Console.Out;
    Console.SetOut(TextWriter.Null); // the app's start-up banner; stdout is for the results (app logs go to stderr)
    factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    factory.StartServer();
    Console.SetOut(stdout);
    var baseAddress = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    var services = factory.Services;

    // Warm-up (JIT, EF query compilation, pools): one extra buyer takes a 20-unit SKU's stock and is then refused once.
    var warmSku = await SeedSkuAsync(services, 20, "13700000001");
    var warm = await BuyerAsync(services, baseAddress, "13600000000");
    for (var i = 0; i <= 20; i++)
    {
        await CheckoutAsync(warm.Http, warmSku, warm.AddressId);
    }
    warm.Http.Dispose();

    var skuId = await SeedSkuAsync(services, units, "13700000000");
    var signedIn = new ConcurrentBag<(int, HttpClient)>();
    await Parallel.ForEachAsync(Enumerable.Range(0, buyers), new ParallelOptions { MaxDegreeOfParallelism = 8 },
        async (i, _) => signedIn.Add(await BuyerAsync(services, baseAddress, $"139{i:D8}")));
    people.AddRange(signedIn);

    var created = 0;
    var refused = 0;
    var unexpected = new ConcurrentBag<string>();
    var latencies = new ConcurrentBag<double>();
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (buyer, _) =>
    {
        var started = Stopwatch.GetTimestamp();
        var (status, body) = await CheckoutAsync(buyer.Http, skuId, buyer.AddressId);
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (status == HttpStatusCode.OK)
        {
            Interlocked.Increment(ref created);
        }
        else if (status == HttpStatusCode.Conflict && JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!.Contains("库存不足"))
        {
            Interlocked.Increment(ref refused);
        }
        else
        {
            unexpected.Add($"{(int)status} {body[..Math.Min(body.Length, 300)]}");
        }
    });
    var seconds = watch.Elapsed.TotalSeconds;

    await using var db = await services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
    var orders = await db.Orders.CountAsync(o => o.Lines.Any(l => l.SkuId == skuId));
    var stock = await db.StockItems.AsNoTracking().SingleAsync(s => s.SkuId == skuId);
    var oversell = Math.Max(0, orders - units);
    var sorted = latencies.Order().ToArray();
    Console.WriteLine($"flash sale: {buyers} buyers, {units} units, {concurrency} concurrent, on {(postgresAdmin is null ? "SQLite" : "PostgreSQL")}");
    Console.WriteLine($"orders/s: {orders / seconds:F1}");
    Console.WriteLine($"checkouts/s: {buyers / seconds:F1}");
    Console.WriteLine($"checkout latency: p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted[^1]:F1} ms");
    Console.WriteLine($"orders created: {orders}");
    Console.WriteLine($"refused (out of stock): {refused}");
    Console.WriteLine($"oversell: {oversell}; stock available {stock.OnHand - stock.Reserved}, reserved {stock.Reserved}, on hand {stock.OnHand}");
    Console.WriteLine($"sqlite raw conditional UPDATE: {rawRate:F0}/s; orders/raw = {orders / seconds / rawRate:P1}");
    foreach (var error in unexpected.GroupBy(e => e).OrderByDescending(g => g.Count()))
    {
        Console.WriteLine($"unexpected answer x{error.Count()}: {error.Key}");
    }
    var ok = oversell == 0 && orders == units && created == orders && unexpected.IsEmpty && stock.Reserved == units && stock.OnHand == units;
    return ok ? 0 : 1;
}
finally
{
    people.ForEach(p => p.Http.Dispose());
    factory.Dispose();
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, true);
    if (postgresAdmin is not null)
    {
        await DropPostgresAsync(postgresAdmin, postgresName);
    }
}

// Nearest rank: the smallest latency that at least that share of checkouts did not exceed.
static double Percentile(double[] sorted, double share) => sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];

static async Task<string> CreatePostgresAsync(string admin, string name)
{
    await using var connection = new NpgsqlConnection(admin);
    await connection.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection).ExecuteNonQueryAsync();
    return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
}

static async Task DropPostgresAsync(string admin, string name)
{
    NpgsqlConnection.ClearAllPools();
    await using var connection = new NpgsqlConnection(admin);
    await connection.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
}

static async Task<(HttpStatusCode Status, string Body)> CheckoutAsync(HttpClient http, int skuId, int addressId)
{
    using var response = await http.PostAsJsonAsync("/api/checkout", new
    {
        lines = new[] { new { skuId, quantity = 1 } }, addressId, paymentMethod = "sandbox", idempotencyKey = Guid.NewGuid().ToString("N"),
    });
    return (response.StatusCode, await response.Content.ReadAsStringAsync());
}

// Set-up in process (UserManager, AddressService); the sign-in goes over HTTP through the static-SSR login form with its
// antiforgery token, as a browser posts it (see MallPortalFactory.PostLoginAsync), into the buyer's own cookie container.
static async Task<(int AddressId, HttpClient Http)> BuyerAsync(IServiceProvider services, Uri baseAddress, string login)
{
    await using var scope = services.CreateAsyncScope();
    var users = scope.ServiceProvider.GetRequiredService<UserManager<MallUser>>();
    var user = MallUser.Register(LoginIdentifier.Parse(login), "抢购买家", DateTime.UtcNow);
    var result = await users.CreateAsync(user, Password);
    if (!result.Succeeded)
    {
        throw new InvalidOperationException($"buyer {login}: {result.Errors.First().Description}");
    }
    await users.AddToRoleAsync(user, Roles.Consumer);
    var addressId = await scope.ServiceProvider.GetRequiredService<AddressService>().AddAsync(new Actor(user.Id, new HashSet<string> { Roles.Consumer }),
        new AddressInput("抢购买家", "13800138000", "广东省", "深圳市", "南山区", "科技园科苑路 15 号"), true);

    var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    var token = Regex.Match(await http.GetStringAsync("/Account/Login"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Login"] = login, ["Input.Password"] = Password,
    }));
    return response.StatusCode == HttpStatusCode.Redirect ? (addressId, http)
        : throw new InvalidOperationException($"sign-in of {login} answered {(int)response.StatusCode}, not a redirect");
}

// An on-sale product with one SKU of its own shop (owner, category) and that many units on hand, as bench-reservations.cs.
static async Task<int> SeedSkuAsync(IServiceProvider services, int quantity, string ownerLogin)
{
    await using var db = await services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
    var now = DateTime.UtcNow;
    var owner = MallUser.Register(LoginIdentifier.Parse(ownerLogin), "秒杀店主", now);
    var category = new Category("秒杀 " + ownerLogin, null, 0);
    db.AddRange(owner, category);
    await db.SaveChangesAsync();
    var shop = new Shop(owner.Id, "秒杀店 " + ownerLogin, ownerLogin, now);
    db.Shops.Add(shop);
    await db.SaveChangesAsync();
    var product = Product.Create(shop.Id, new ProductInput("秒杀商品", null, category.Id, null, null, [],
        [new SkuInput("FLASH-1", new Money(9900), null, null, 0, quantity)], ["products/x.jpg"], [], [], []), "", now);
    product.Publish(reviewRequired: false);
    db.Products.Add(product);
    await db.SaveChangesAsync();
    db.StockItems.Add(new StockItem(product.Skus[0].Id, shop.Id, 5, quantity));
    db.StockMovements.Add(new StockMovement(product.Skus[0].Id, shop.Id, StockMovementKind.Inbound, quantity, 0, "BENCH", null, null, now));
    await db.SaveChangesAsync();
    return product.Skus[0].Id;
}

// The app's SQLite pragmas (journal_mode=WAL, busy_timeout) on a separate file, one connection, after an untimed warm-up.
static async Task<double> RawSqliteRateAsync(string path, int attempts)
{
    await using var connection = new SqliteConnection($"Data Source={path}");
    await connection.OpenAsync();
    await new SqliteCommand("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; CREATE TABLE StockItems(SkuId INTEGER PRIMARY KEY, " +
        "OnHand INTEGER, Reserved INTEGER); INSERT INTO StockItems VALUES(1, 1000000, 0);", connection).ExecuteNonQueryAsync();
    var update = new SqliteCommand("UPDATE StockItems SET Reserved = Reserved + 1 WHERE SkuId = @id AND OnHand - Reserved >= 1", connection);
    update.Parameters.AddWithValue("@id", 1);
    for (var i = 0; i < attempts / 10; i++)
    {
        await update.ExecuteNonQueryAsync();
    }
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < attempts; i++)
    {
        await update.ExecuteNonQueryAsync();
    }
    return attempts / watch.Elapsed.TotalSeconds;
}

// The real app (App stands for MallPortal's assembly: this script has a Program of its own): own data folder (and the
// PostgreSQL database when given), no demo data, login rate limit out of the way, a cheap password hash for the set-up,
// the session check on every request, app logs from Warning up to stderr.
sealed class BenchFactory(string folder, string? postgres) : WebApplicationFactory<MallPortal.Components.App>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Folder", folder);
        if (postgres is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Mall", postgres);
        }
        builder.UseSetting("Accounts:SessionCheckSeconds", "0");
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000));
        builder.UseSetting("Demo:SeedOnFirstRun", "false");
        builder.UseSetting("Admin:Login", "admin@bench.local");
        builder.UseSetting("Admin:Password", "admin1234");
        // Every buyer signs in and checks out from this one address, faster than people do: the bench measures throughput,
        // so every abuse limit (RateLimits:*) is lifted.
        foreach (var limit in typeof(AbuseLimitOptions).GetProperties().Select(p => p.Name))
        {
            builder.UseSetting("RateLimits:" + limit, "1000000");
        }
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(l => l.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
    }
}
