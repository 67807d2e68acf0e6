#:project ../MallPortal/MallPortal.csproj
#:package Microsoft.AspNetCore.Mvc.Testing
#:package Microsoft.Playwright
#:property TreatWarningsAsErrors=false
#:property PublishAot=false

// Managed memory per idle interactive circuit (issue 15 item 3). The whole web app on Kestrel (127.0.0.1, free port,
// Production settings) with a fresh SQLite file in a temp data folder seeded with the demo shop. The browser side runs
// in a child process (this same program, started with --browser), so the server process's heap holds only the
// server's objects: Playwright drives Debian's Chromium (/usr/bin/chromium, never a downloaded browser), opens one
// warm-up product page, then N more in a few browser contexts, and waits until each page's circuit is interactive.
// The server measures GC.GetTotalMemory after a full blocking compacting collection with the warm-up circuit only and
// again with N + 1 circuits, checks with a CircuitHandler that N + 1 circuits are really open, and prints
// (after - before) / N in KB, pass or fail against 200 KB. Exits 1 on a failure or a wrong circuit count.
// MALLPORTAL_BENCH_HOLD_SECONDS=N keeps the circuits open N s after the figures, for dotnet-gcdump.
// Needs chromium (apt-get install -y chromium). Run: dotnet run -c Release scripts/bench-circuits.cs [circuits=100] [product=1]
using System.Diagnostics;
using System.Net;
using MallPortal.Components;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

const string Chromium = "/usr/bin/chromium";
if (args is ["--browser", var url, var countText])
{
    return await Browser.RunAsync(url, int.Parse(countText));
}
var circuits = args.Length > 0 ? int.Parse(args[0]) : 100;
var productId = args.Length > 1 ? int.Parse(args[1]) : 1;
const double LimitKb = 200;
if (!File.Exists(Chromium))
{
    Console.Error.WriteLine($"{Chromium} is missing: apt-get install -y chromium");
    return 2;
}

var folder = Path.Combine(Path.GetTempPath(), "mallportal-circuits-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MALLPORTAL",
    Path.GetFullPath(Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, "..", "MallPortal")));
var counter = new CircuitCounter();
var factory = new BenchFactory(folder, counter);
Process? browser = null;
try
{
    var stdout = Console.Out;
    Console.SetOut(TextWriter.Null); // the app's start-up banner; stdout is for the results
    factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    factory.StartServer();
    Console.SetOut(stdout);
    var baseAddress = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    browser = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["--browser", $"{baseAddress}/product/{productId}", circuits.ToString()])
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
    })!;
    await Expect(browser, "warm");
    await Task.Delay(TimeSpan.FromSeconds(3));
    var before = FullGcMemory();
    var openBefore = counter.Open;
    await browser.StandardInput.WriteLineAsync("go");
    await browser.StandardInput.FlushAsync();
    var watch = Stopwatch.StartNew();
    await Expect(browser, "ready");
    var opening = watch.Elapsed;
    await Task.Delay(TimeSpan.FromSeconds(5)); // idle: first renders acknowledged, nothing in flight
    var after = FullGcMemory();
    var openAfter = counter.Open;

    var perCircuitKb = (after - before) / 1024.0 / circuits;
    var countOk = openBefore == 1 && openAfter == circuits + 1;
    Console.WriteLine($"bench-circuits: {circuits} idle interactive circuits on /product/{productId} (opened in {opening.TotalSeconds:F1} s)");
    Console.WriteLine($"open circuits: {openBefore} before, {openAfter} after (expected 1 and {circuits + 1}){(countOk ? "" : "  WRONG")}");
    Console.WriteLine($"managed heap after full GC: {before / 1048576.0:F1} MB before, {after / 1048576.0:F1} MB after");
    Console.WriteLine($"per circuit: {perCircuitKb:F1} KB (limit {LimitKb} KB) {(perCircuitKb <= LimitKb ? "PASS" : "FAIL")}");
    if (int.TryParse(Environment.GetEnvironmentVariable("MALLPORTAL_BENCH_HOLD_SECONDS"), out var hold))
    {
        // Time to look inside the measured state, e.g. dotnet-gcdump collect -p <pid> then dotnet-gcdump report.
        Console.WriteLine($"holding {hold} s: server pid {Environment.ProcessId}");
        await Task.Delay(TimeSpan.FromSeconds(hold));
    }
    await browser.StandardInput.WriteLineAsync("quit");
    await browser.StandardInput.FlushAsync();
    await browser.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    return countOk && perCircuitKb <= LimitKb ? 0 : 1;
}
finally
{
    if (browser is { HasExited: false })
    {
        browser.Kill(entireProcessTree: true);
    }
    factory.Dispose();
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, true);
}

static long FullGcMemory()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(forceFullCollection: true);
}

static async Task Expect(Process child, string word)
{
    while (await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(10)) is { } line)
    {
        if (line == word)
        {
            return;
        }
        Console.Error.WriteLine("browser: " + line);
    }
    throw new InvalidOperationException($"The browser process ended before saying '{word}'.");
}

/// <summary>Counts the circuits that are open now (opened and not yet closed).</summary>
sealed class CircuitCounter : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}

sealed class BenchFactory(string folder, CircuitCounter counter) : WebApplicationFactory<App>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseStaticWebAssets(); // the framework's and MudBlazor's scripts from the build output, as in Development
        builder.UseSetting("Data:Folder", folder);
        builder.UseSetting("Demo:SeedOnFirstRun", "true");
        builder.UseSetting("Admin:Login", "admin@bench.local");
        builder.UseSetting("Admin:Password", "admin1234");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(l => l.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        builder.ConfigureServices(s => s.AddSingleton<CircuitHandler>(counter));
    }
}

/// <summary>The child process: Chromium's pages, each waited for until its circuit is interactive.</summary>
static class Browser
{
    public static async Task<int> RunAsync(string url, int count)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < 4; i++)
        {
            contexts.Add(await chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" }));
        }
        await OpenAsync(contexts[0], url);
        Console.WriteLine("warm");
        if (Console.ReadLine() != "go")
        {
            return 1;
        }
        // A few pages at a time: two cores serve the app, Chromium and this driver.
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await OpenAsync(contexts[i % contexts.Count], url);
            }
            finally
            {
                gate.Release();
            }
        }));
        Console.WriteLine("ready");
        Console.ReadLine();
        return 0;
    }

    private static async Task OpenAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url, new PageGotoOptions { Timeout = 120_000 });
        await page.Locator("#circuit[data-state=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
    }
}
