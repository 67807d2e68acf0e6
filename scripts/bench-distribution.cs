#:project ../MallPortal/MallPortal.csproj
#:package Microsoft.AspNetCore.Mvc.Testing
#:property TreatWarningsAsErrors=false
#:property PublishAot=false

// The distribution network under load, on SQLite (a file in a fresh temp data folder) and, when MALLPORTAL_BENCH_POSTGRES
// holds a connection string, on PostgreSQL (a throw-away database created for the run and dropped after). For each:
// 1. /r/{code}: the whole web app on Kestrel (127.0.0.1, free port) with its demo data; a demo promotion link is driven
//    by an HttpClient loop (C connections, all in flight, redirects not followed, a WeChat-on-iPhone User-Agent, visitors
//    from a pool of V visitor cookies, or a new visitor each request with V=0) for S seconds after a 1 s warm-up, and so
//    is a plain Kestrel app (a second WebApplication on 127.0.0.1 answering "ok") in the same run. Prints requests/s,
//    p50/p99 latency and unexpected answers of both, and the ratio; then waits for the background flusher and checks the
//    clicks written: one per distinct visitor that got a redirect (repeats within 10 minutes are one click by design).
// 2. A generated tree of M distributors (1 root, 300 at level 2, the rest at level 3; users, distributors, orders copied
//    from a demo order, and their attributions by bulk INSERTs in one transaction): TeamQueries.SummaryAsync and
//    TeamQueries.TeamAsync (first page of 20) for the root and for one level-2 distributor, as their own users with role
//    Distributor, in ms (median of R runs after a warm-up), checked against the generated figures, with the plan of the
//    downline filter.
// 3. The upline lookup of checkout (AttributionService.OnStepsAsync): HierarchyPolicy.UplineOf(path, 2) alone (ns, many
//    iterations) and loading one distributor by id with its path (µs, median and p99 over many runs, one open context).
// Exits 1 on a correctness failure: a redirect answering anything but 302 to the link's target, clicks written not as
// expected, or team figures that differ from the generated ones. The machine's cores are shared: figures are noisy.
// Run (Release for figures worth comparing): dotnet run -c Release scripts/bench-distribution.cs [seconds=10] [members=100000] [visitors=5000] [orders=20000] [connections=64] [runs=7]
//      MALLPORTAL_BENCH_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres" dotnet run -c Release scripts/bench-distribution.cs
using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Text;
using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

var seconds = args.Length > 0 ? double.Parse(args[0]) : 10;
var members = args.Length > 1 ? int.Parse(args[1]) : 100_000;
var visitors = args.Length > 2 ? int.Parse(args[2]) : 5000;
var orders = args.Length > 3 ? int.Parse(args[3]) : 20_000;
var connections = args.Length > 4 ? int.Parse(args[4]) : 64;
var runs = args.Length > 5 ? int.Parse(args[5]) : 7;
const int LevelTwo = 300;
if (members < LevelTwo + 2)
{
    throw new ArgumentException($"members must be at least {LevelTwo + 2}");
}

// WebApplicationFactory finds the app's content root (wwwroot, appsettings.json) through this setting.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MALLPORTAL",
    Path.GetFullPath(Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, "..", "MallPortal")));
var failures = new List<string>();
Console.WriteLine($"distribution bench: {seconds} s per load, {connections} connections, visitors {(visitors == 0 ? "new each request" : $"pool of {visitors}")}, " +
    $"{members} members, {orders} attributed orders, {runs} runs per query; {Environment.ProcessorCount} cores (shared: figures are noisy)");

await RunAsync("sqlite", null);
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
    var folder = Path.Combine(Path.GetTempPath(), "mallportal-dist-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    var factory = new BenchFactory(folder, postgres);
    try
    {
        var started = Stopwatch.StartNew();
        var stdout = Console.Out;
        Console.SetOut(TextWriter.Null); // the app's start-up banner; stdout is for the results (app logs go to stderr)
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        Console.SetOut(stdout);
        var services = factory.Services;
        var baseAddress = new Uri(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Console.WriteLine();
        Console.WriteLine($"== {label}: app with demo data up in {started.Elapsed.TotalSeconds:F1} s at {baseAddress}");
        var contexts = services.GetRequiredService<IDbContextFactory<MallDbContext>>();
        await RedirectsAsync(label, contexts, baseAddress);
        await TeamAsync(label, contexts, services.GetRequiredService<TeamQueries>(), postgres is not null);
        await UplineAsync(label, contexts);
    }
    finally
    {
        factory.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, true);
    }
}

// 1. /r/{code} against a plain Kestrel answer, then the clicks the flusher wrote.
async Task RedirectsAsync(string label, IDbContextFactory<MallDbContext> contexts, Uri baseAddress)
{
    await using var db = await contexts.CreateDbContextAsync();
    var link = await (from l in db.PromotionLinks
                      join d in db.Distributors on l.DistributorId equals d.Id
                      where d.Status == DistributorStatus.Active
                      orderby l.Id
                      select new { l.Id, l.Code, l.Target, l.TargetId }).FirstAsync();
    var target = PromotionLink.PathOf(link.Target, link.TargetId);
    var clicksBefore = await db.PromotionClicks.CountAsync(c => c.LinkId == link.Id);

    var plainBuilder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
    plainBuilder.Logging.ClearProviders();
    plainBuilder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    await using var plain = plainBuilder.Build();
    plain.MapGet("/", () => "ok");
    await plain.StartAsync();
    var plainUrl = new Uri(plain.Urls.First() + "/");

    await LoadAsync(plainUrl, TimeSpan.FromSeconds(1), _ => null, (r, _) => r.StatusCode == HttpStatusCode.OK);
    var yardstick = await LoadAsync(plainUrl, TimeSpan.FromSeconds(seconds), _ => null, (r, _) => r.StatusCode == HttpStatusCode.OK);
    await plain.StopAsync();

    var pool = Enumerable.Range(0, Math.Max(visitors, 1)).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
    var redirected = new bool[pool.Length];
    var newVisitors = 0;
    bool IsRedirect(HttpResponseMessage r, int visitor)
    {
        var ok = r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString == target;
        if (ok && visitors == 0)
        {
            Interlocked.Increment(ref newVisitors);
        }
        else if (ok)
        {
            Volatile.Write(ref redirected[visitor], true);
        }
        return ok;
    }
    string? CookieOf(long n) => visitors == 0 ? null : "mp_vid=" + pool[n % pool.Length];
    var url = new Uri(baseAddress, "/r/" + link.Code);
    await LoadAsync(url, TimeSpan.FromSeconds(1), CookieOf, (r, n) => IsRedirect(r, (int)(n % pool.Length)));
    var redirects = await LoadAsync(url, TimeSpan.FromSeconds(seconds), CookieOf, (r, n) => IsRedirect(r, (int)(n % pool.Length)));

    Console.WriteLine($"[{label}] plain Kestrel GET /       : {yardstick}");
    Console.WriteLine($"[{label}] GET /r/{link.Code} → {target,-12}: {redirects}");
    Console.WriteLine($"[{label}] redirects/plain = {redirects.PerSecond / yardstick.PerSecond:P1}");
    if (redirects.Unexpected > 0 || yardstick.Unexpected > 0)
    {
        failures.Add($"{label}: unexpected answers (redirect {redirects.Unexpected}: {redirects.FirstUnexpected}; plain {yardstick.Unexpected}: {yardstick.FirstUnexpected})");
    }

    var expected = visitors == 0 ? newVisitors : redirected.Count(r => r);
    var waited = Stopwatch.StartNew();
    var written = 0;
    var lastChange = TimeSpan.Zero;
    while (waited.Elapsed < TimeSpan.FromSeconds(60))
    {
        var now = await db.PromotionClicks.CountAsync(c => c.LinkId == link.Id) - clicksBefore;
        if (now != written)
        {
            (written, lastChange) = (now, waited.Elapsed);
        }
        if (written >= expected && waited.Elapsed - lastChange > TimeSpan.FromSeconds(1) || waited.Elapsed - lastChange > TimeSpan.FromSeconds(5))
        {
            break;
        }
        await Task.Delay(100);
    }
    Console.WriteLine($"[{label}] clicks written: {written} of {expected} expected (distinct visitors redirected), last one {lastChange.TotalSeconds:F1} s after the load");
    if (written != expected)
    {
        failures.Add($"{label}: {written} clicks written, {expected} expected");
    }
}

async Task<LoadResult> LoadAsync(Uri url, TimeSpan duration, Func<long, string?> cookieOf, Func<HttpResponseMessage, long, bool> isExpected)
{
    using var http = new HttpClient(new SocketsHttpHandler
    {
        AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    }) { Timeout = TimeSpan.FromSeconds(30) };
    const string Agent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 " +
        "MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN";
    var next = -1L;
    var unexpected = 0;
    string? firstUnexpected = null;
    var latencies = new ConcurrentBag<List<long>>();
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
    {
        var mine = new List<long>(1 << 16);
        latencies.Add(mine);
        while (watch.Elapsed < duration)
        {
            var n = Interlocked.Increment(ref next);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("User-Agent", Agent);
            request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN,zh-Hans;q=0.9");
            if (cookieOf(n) is { } cookie)
            {
                request.Headers.TryAddWithoutValidation("Cookie", cookie);
            }
            var began = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetTimestamp() - began);
                if (!isExpected(response, n))
                {
                    Interlocked.Increment(ref unexpected);
                    firstUnexpected ??= $"{(int)response.StatusCode} {response.Headers.Location}";
                }
            }
            catch (Exception ex)
            {
                mine.Add(Stopwatch.GetTimestamp() - began);
                Interlocked.Increment(ref unexpected);
                firstUnexpected ??= ex.GetType().Name + ": " + ex.Message;
            }
        }
    }));
    var elapsed = watch.Elapsed.TotalSeconds;
    var all = latencies.SelectMany(l => l).Order().ToArray();
    double Ms(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))] * 1000.0 / Stopwatch.Frequency;
    return new LoadResult(all.Length, elapsed, Ms(0.5), Ms(0.99), unexpected, firstUnexpected);
}

// 2. A generated tree, then the team queries of its root and of one level-2 distributor.
async Task TeamAsync(string label, IDbContextFactory<MallDbContext> contexts, TeamQueries team, bool isPostgres)
{
    var tree = await GenerateAsync(label, contexts, isPostgres);
    var now = DateTime.UtcNow;
    var period = new Period(now.AddDays(-30), now.AddDays(1));
    var rootActor = new Actor(tree.RootUserId, new HashSet<string> { Roles.Distributor });
    var midActor = new Actor(tree.MidUserId, new HashSet<string> { Roles.Distributor });

    var (summaryMs, summary) = await TimeAsync(() => team.SummaryAsync(rootActor, period));
    var (teamMs, page) = await TimeAsync(() => team.TeamAsync(rootActor, new TeamFilter(null, null, 0, 20), period));
    var (midSummaryMs, midSummary) = await TimeAsync(() => team.SummaryAsync(midActor, period));
    var (midTeamMs, midPage) = await TimeAsync(() => team.TeamAsync(midActor, new TeamFilter(null, null, 0, 20), period));
    Console.WriteLine($"[{label}] root ({summary.Members} below it: {string.Join(", ", summary.MembersByLevel.OrderBy(l => l.Key).Select(l => $"level {l.Key} {l.Value}"))}; " +
        $"sales {summary.Sales.Fen} fen)");
    Console.WriteLine($"[{label}]   TeamQueries.SummaryAsync          : {summaryMs}");
    Console.WriteLine($"[{label}]   TeamQueries.TeamAsync first page  : {teamMs} ({page.Items.Count} rows of {page.Total}; page orders {page.Items.Sum(i => i.Orders)})");
    Console.WriteLine($"[{label}] level-2 distributor ({midSummary.Members} below it; sales {midSummary.Sales.Fen} fen)");
    Console.WriteLine($"[{label}]   TeamQueries.SummaryAsync          : {midSummaryMs}");
    Console.WriteLine($"[{label}]   TeamQueries.TeamAsync first page  : {midTeamMs} ({midPage.Items.Count} rows of {midPage.Total})");

    void Check(bool ok, string what)
    {
        if (!ok)
        {
            failures.Add($"{label}: {what}");
        }
    }
    Check(summary.MembersByLevel.GetValueOrDefault(1) == LevelTwo && summary.MembersByLevel.GetValueOrDefault(2) == members - 1 - LevelTwo
        && summary.MembersByLevel.Count == 2, "root's members by level");
    Check(summary.Sales.Fen == tree.PaidFen, $"root's sales {summary.Sales.Fen}, generated {tree.PaidFen}");
    Check(page.Total == members - 1 && page.Items.Count == 20 && page.Items.Select(i => i.Id).SequenceEqual(tree.Newest.Take(20)), "root's first page");
    Check(page.Items.All(i => i.Orders == tree.OrdersOf.GetValueOrDefault(i.Id) && i.Sales.Fen == tree.PaidFenOf.GetValueOrDefault(i.Id)), "page's orders and sales");
    Check(midSummary.Members == tree.MidMembers && midSummary.Sales.Fen == tree.MidPaidFen && midPage.Total == tree.MidMembers, "level-2 distributor's team");

    // The plans of two ways to filter a downline, as EF Core sends them: Path.StartsWith (LIKE 'prefix%'), which TeamQueries
    // uses, and a range of the Path index ("/4/5/" <= Path < "/4/50"; '0' is the character after '/'), for comparison.
    await using var db = await contexts.CreateDbContextAsync();
    var mid = await db.Distributors.Where(d => d.UserId == tree.MidUserId).Select(d => new { d.Id, d.Path }).SingleAsync();
    var upper = mid.Path[..^1] + "0";
    foreach (var query in new[]
             {
                 db.Distributors.Where(d => d.Path.StartsWith(mid.Path) && d.Id != mid.Id),
                 db.Distributors.Where(d => string.Compare(d.Path, mid.Path) >= 0 && string.Compare(d.Path, upper) < 0 && d.Id != mid.Id),
             })
    {
        Console.WriteLine($"[{label}] downline filter {Where(query.ToQueryString())}");
        Console.WriteLine($"[{label}]   plan: {await PlanAsync(db, query.ToQueryString(), isPostgres)}");
    }
}

async Task<(Timing, T)> TimeAsync<T>(Func<Task<T>> work)
{
    var result = await work();
    await work();
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        result = await work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    return (new Timing(times), result);
}

async Task<Tree> GenerateAsync(string label, IDbContextFactory<MallDbContext> contexts, bool isPostgres)
{
    var sql = new Dialect(isPostgres);
    await using var db = await contexts.CreateDbContextAsync();
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    async Task<long> ScalarAsync(string text, DbTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        (command.CommandText, command.Transaction) = (text, tx);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
    var userBase = await ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"AspNetUsers\"") + 1;
    var distributorBase = (int)await ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Distributors\"") + 1;
    var orderBase = await ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Orders\"") + 1;
    var attributionBase = await ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"OrderAttributions\"") + 1;
    var template = await ScalarAsync("SELECT MIN(\"Id\") FROM \"Orders\"");
    var takenCodes = (await db.Distributors.Select(d => d.InviteCode).ToListAsync()).ToHashSet();
    var orderColumns = db.Model.FindEntityType(typeof(Order))!.GetProperties().Select(p => p.GetColumnName()).ToList();

    var watch = Stopwatch.StartNew();
    var now = DateTime.UtcNow;
    now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    var joinedStart = now.AddDays(-100);
    int Id(int i) => distributorBase + i;
    int ParentIndex(int i) => i == 0 ? -1 : i <= LevelTwo ? 0 : 1 + (i - 1 - LevelTwo) % LevelTwo;
    string PathOf(int i) => i == 0 ? $"/{Id(0)}/" : i <= LevelTwo ? $"/{Id(0)}/{Id(i)}/" : $"/{Id(0)}/{Id(ParentIndex(i))}/{Id(i)}/";
    var code = 0L;
    string NextInviteCode()
    {
        while (true)
        {
            var chars = new char[ShortCodes.InviteLength];
            var n = code++ * 7_919 % 887_503_681; // 31^6 codes, stepped by a prime so they do not all start alike
            for (var c = chars.Length - 1; c >= 0; c--, n /= ShortCodes.Alphabet.Length)
            {
                chars[c] = ShortCodes.Alphabet[(int)(n % ShortCodes.Alphabet.Length)];
            }
            var text = new string(chars);
            if (takenCodes.Add(text))
            {
                return text;
            }
        }
    }

    await using var tx = await connection.BeginTransactionAsync();
    async Task InsertAsync(string head, int count, Func<int, string> row)
    {
        const int Batch = 1000;
        for (var start = 0; start < count; start += Batch)
        {
            var text = new StringBuilder(head).Append(" VALUES ");
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                text.Append(i == start ? "" : ",").Append('(').Append(row(i)).Append(')');
            }
            await using var command = connection.CreateCommand();
            (command.CommandText, command.Transaction) = (text.ToString(), tx);
            await command.ExecuteNonQueryAsync();
        }
    }
    await InsertAsync("INSERT INTO \"AspNetUsers\" (\"Id\", \"UserName\", \"NormalizedUserName\", \"PhoneNumber\", \"PhoneNumberConfirmed\", \"EmailConfirmed\", " +
        "\"TwoFactorEnabled\", \"LockoutEnabled\", \"AccessFailedCount\", \"Nickname\", \"Gender\", \"CreatedAt\", \"SecurityStamp\", \"ConcurrencyStamp\")",
        members, i => $"{userBase + i}, '19{i:D9}', '19{i:D9}', '19{i:D9}', TRUE, FALSE, FALSE, TRUE, 0, '分销员{i}', 'Unspecified', " +
            $"{sql.Ts(joinedStart.AddMinutes(i))}, 'BENCH{i}', 'BENCH{i}'");
    await InsertAsync("INSERT INTO \"Distributors\" (\"Id\", \"UserId\", \"ApplicationId\", \"Name\", \"Mobile\", \"Region\", \"InviteCode\", \"ParentId\", " +
        "\"Path\", \"Depth\", \"Status\", \"JoinedAt\", \"Version\")",
        members, i => $"{Id(i)}, {userBase + i}, 0, '分销员{i}', '19{i:D9}', '浙江省 杭州市', '{NextInviteCode()}', " +
            $"{(i == 0 ? "NULL" : Id(ParentIndex(i)).ToString())}, '{PathOf(i)}', {(i == 0 ? 1 : i <= LevelTwo ? 2 : 3)}, 'Active', " +
            $"{sql.Ts(joinedStart.AddMinutes(i))}, 1");

    // Orders: copies of the first demo order with their own number, buyer, amount, status and time; each attributed to a
    // member of the tree (every 10th left unpaid, so it counts as an order but not as sales).
    var ordersOf = new Dictionary<int, int>();
    var paidFenOf = new Dictionary<int, long>();
    var rows = Enumerable.Range(0, orders).Select(k =>
    {
        var member = 1 + (int)((long)k * 7_907 % (members - 1));
        var at = now.AddMinutes(-(1 + (long)k * 97 % (29 * 24 * 60)));
        return (K: k, Member: member, At: at, Fen: 990L + k * 37 % 50_000, Paid: k % 10 != 0, Buyer: userBase + (k * 13 % members));
    }).ToList();
    foreach (var r in rows)
    {
        ordersOf[Id(r.Member)] = ordersOf.GetValueOrDefault(Id(r.Member)) + 1;
        paidFenOf[Id(r.Member)] = paidFenOf.GetValueOrDefault(Id(r.Member)) + (r.Paid ? r.Fen : 0);
    }
    var overrides = new Dictionary<string, Func<(int K, int Member, DateTime At, long Fen, bool Paid, long Buyer), string>>
    {
        ["Id"] = r => (orderBase + r.K).ToString(),
        ["Number"] = r => $"'BENCH{r.K:D12}'",
        ["BuyerUserId"] = r => r.Buyer.ToString(),
        ["Status"] = r => r.Paid ? "'Completed'" : "'PendingPayment'",
        ["ItemsTotal"] = r => r.Fen.ToString(),
        ["ShippingFee"] = _ => "0",
        ["TotalFen"] = r => r.Fen.ToString(),
        ["PlacedAt"] = r => sql.Ts(r.At),
        ["PaidAt"] = r => r.Paid ? sql.Ts(r.At) : sql.NullTs,
    };
    const int OrderBatch = 1000;
    for (var start = 0; start < rows.Count; start += OrderBatch)
    {
        var batch = rows.Skip(start).Take(OrderBatch).ToList();
        var names = overrides.Keys.ToList();
        var values = string.Join(",", batch.Select(r => "(" + string.Join(", ", names.Select(n => overrides[n](r))) + ")"));
        var select = string.Join(", ", orderColumns.Select(c => overrides.ContainsKey(c) ? $"v.column{names.IndexOf(c) + 1}" : $"t.\"{c}\""));
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"Orders\" ({string.Join(", ", orderColumns.Select(c => $"\"{c}\""))}) SELECT {select} " +
            $"FROM \"Orders\" t CROSS JOIN (VALUES {values}) v WHERE t.\"Id\" = {template}";
        command.Transaction = tx;
        await command.ExecuteNonQueryAsync();
    }
    await InsertAsync("INSERT INTO \"OrderAttributions\" (\"Id\", \"OrderId\", \"DistributorId\", \"Level2DistributorId\", \"Level3DistributorId\", " +
        "\"LinkId\", \"Channel\", \"ShopBlocked\", \"AttributedAt\")", rows.Count, k =>
        {
            var r = rows[k];
            var upline = HierarchyPolicy.UplineOf(PathOf(r.Member), 2);
            return $"{attributionBase + k}, {orderBase + k}, {Id(r.Member)}, {(upline.Count > 0 ? upline[0] : "NULL")}, " +
                $"{(upline.Count > 1 ? upline[1] : "NULL")}, NULL, NULL, FALSE, {sql.Ts(r.At)}";
        });
    if (isPostgres)
    {
        foreach (var table in new[] { "AspNetUsers", "Distributors", "Orders", "OrderAttributions" })
        {
            await ScalarAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))", tx);
        }
    }
    await tx.CommitAsync();
    var generated = watch.Elapsed.TotalSeconds;
    if (isPostgres)
    {
        // As autovacuum would soon after such an import (SQLite is left as the app leaves it: no ANALYZE, no sqlite_stat1).
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }
    var rowsWritten = members * 2 + orders * 2;
    Console.WriteLine($"[{label}] generated {members} users + distributors (1 root, {LevelTwo} at level 2, {members - 1 - LevelTwo} at level 3), " +
        $"{orders} orders + attributions: {rowsWritten} rows in {generated:F1} s ({rowsWritten / generated:F0} rows/s), ANALYZE {watch.Elapsed.TotalSeconds - generated:F1} s");

    var mid = 1; // the first level-2 distributor
    var midMembers = Enumerable.Range(0, members).Where(i => ParentIndex(i) == mid).Select(Id).ToHashSet();
    return new Tree((int)userBase, (int)userBase + mid, rows.Where(r => r.Paid).Sum(r => r.Fen),
        Enumerable.Range(1, members - 1).Reverse().Select(Id).ToList(), ordersOf, paidFenOf, midMembers.Count,
        midMembers.Sum(m => paidFenOf.GetValueOrDefault(m)));
}

// 3. The upline at checkout: parsing the path, and loading the distributor by id (AttributionService.OnStepsAsync).
async Task UplineAsync(string label, IDbContextFactory<MallDbContext> contexts)
{
    const int Iterations = 2_000_000;
    var sink = 0;
    for (var i = 0; i < Iterations / 10; i++)
    {
        sink += HierarchyPolicy.UplineOf("/3/8/15/", 2).Count;
    }
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < Iterations; i++)
    {
        sink += HierarchyPolicy.UplineOf(i % 2 == 0 ? "/3/8/15/" : "/100001/100017/199876/", 2).Count;
    }
    var parseNs = watch.Elapsed.TotalNanoseconds / Iterations;

    await using var db = await contexts.CreateDbContextAsync();
    var ids = await db.Distributors.Where(d => d.Depth == 3).OrderBy(d => d.Id).Select(d => d.Id).Take(50_000).ToListAsync();
    var random = new Random(7);
    const int Loads = 5000;
    var times = new List<double>(Loads);
    for (var i = 0; i < Loads + 500; i++)
    {
        var id = ids[random.Next(ids.Count)];
        var began = Stopwatch.GetTimestamp();
        var distributor = await db.Distributors.AsNoTracking().SingleAsync(d => d.Id == id);
        sink += HierarchyPolicy.UplineOf(distributor.Path, 2).Count;
        if (i >= 500)
        {
            times.Add(Stopwatch.GetElapsedTime(began).TotalMicroseconds);
        }
    }
    times.Sort();
    Console.WriteLine($"[{label}] HierarchyPolicy.UplineOf(path, 2): {parseNs:F0} ns per call ({Iterations} calls, {sink % 10} ignore)");
    Console.WriteLine($"[{label}] load distributor by id + UplineOf : median {times[Loads / 2]:F0} µs, p99 {times[Loads * 99 / 100]:F0} µs ({Loads} loads, one open context)");
}

static string Where(string sql)
{
    var lines = sql.Split('\n').Select(l => l.Trim()).ToList();
    var parameters = lines.Where(l => l.StartsWith(".param set ") || l.StartsWith("-- @")).Select(l => l.Replace(".param set ", "").Replace("-- ", ""));
    return string.Join(" ", lines.Where(l => l.StartsWith("WHERE"))) + $" [{string.Join(", ", parameters)}]";
}

static async Task<string> PlanAsync(MallDbContext db, string sql, bool isPostgres)
{
    // ToQueryString puts the parameters first (SQLite: ".param set @p 'v'"; Npgsql: "-- @p='v'"): bind them again.
    var lines = sql.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
    var parameters = new List<(string Name, string Value)>();
    foreach (var line in lines.TakeWhile(l => l.StartsWith(".param") || l.StartsWith("-- @")))
    {
        var text = line.StartsWith(".param set ") ? line[".param set ".Length..] : line[3..];
        var split = text.IndexOfAny([' ', '=']);
        var value = text[(split + 1)..].Trim();
        var unquoted = value.StartsWith('\'') ? value.Trim('\'') : value.Split(' ')[0];
        parameters.Add((text[..split], unquoted));
    }
    var body = string.Join("\n", lines.SkipWhile(l => l.StartsWith(".param") || l.StartsWith("-- @") || l.Length == 0));
    var connection = db.Database.GetDbConnection();
    if (connection.State != System.Data.ConnectionState.Open)
    {
        await connection.OpenAsync();
    }
    await using var command = connection.CreateCommand();
    command.CommandText = (isPostgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + body;
    foreach (var (name, value) in parameters)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = int.TryParse(value, out var number) ? number : value;
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

sealed record LoadResult(int Count, double Seconds, double P50Ms, double P99Ms, int Unexpected, string? FirstUnexpected)
{
    public double PerSecond => Count / Seconds;

    public override string ToString() =>
        $"{PerSecond,8:F0} req/s ({Count} in {Seconds:F1} s), p50 {P50Ms:F2} ms, p99 {P99Ms:F2} ms, unexpected answers {Unexpected}";
}

sealed record Timing(IReadOnlyList<double> Ms)
{
    public override string ToString()
    {
        var sorted = Ms.Order().ToList();
        return $"median {sorted[sorted.Count / 2],8:F1} ms (min {sorted[0]:F1}, max {sorted[^1]:F1}, {sorted.Count} runs)";
    }
}

sealed record Tree(int RootUserId, int MidUserId, long PaidFen, IReadOnlyList<int> Newest, IReadOnlyDictionary<int, int> OrdersOf,
    IReadOnlyDictionary<int, long> PaidFenOf, int MidMembers, long MidPaidFen);

/// <summary>Literals as EF Core stores them: SQLite keeps DateTime as text "yyyy-MM-dd HH:mm:ss" (whole seconds here).</summary>
sealed record Dialect(bool Postgres)
{
    public string Ts(DateTime utc) => Postgres ? $"'{utc:yyyy-MM-dd HH:mm:ss}+00'::timestamptz" : $"'{utc:yyyy-MM-dd HH:mm:ss}'";

    public string NullTs => Postgres ? "NULL::timestamptz" : "NULL";
}

// The real app (App stands for MallPortal's assembly: this script has a Program of its own): own data folder, demo data
// (its links), PostgreSQL when given, app logs from Warning up to stderr.
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
