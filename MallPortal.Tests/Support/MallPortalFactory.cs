using System.Text.RegularExpressions;
using MallPortal.Core.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MallPortal.Tests.Support;

/// <summary>
/// The whole app on its own SQLite file in a temporary data folder (deleted on dispose), with the
/// demo data seeded and a known admin password. <see cref="StartKestrel"/> serves it on a real
/// loopback port for the browser.
/// </summary>
public sealed partial class MallPortalFactory(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminLogin = "admin@test.local";
    public const string AdminPassword = "admin1234";
    public const string DemoPassword = "demo1234";

    /// <summary>Every abuse limit but the account-post one, found from the options so a new limit is lifted too.</summary>
    private static readonly string[] UnlimitedInTests = typeof(AbuseLimitOptions).GetProperties()
        .Select(p => p.Name).Where(name => name != nameof(AbuseLimitOptions.AccountPostsPerMinute)).ToArray();

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "mallportal-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Folder", DataFolder);
        builder.UseSetting("Admin:Login", AdminLogin);
        builder.UseSetting("Admin:Password", AdminPassword);
        builder.UseSetting("Demo:SeedOnFirstRun", "true");
        builder.UseSetting("Demo:HistoryDays", "0");
        builder.UseSetting("Notifications:DispatchIntervalSeconds", "1");
        // Parcels move only when a test pushes their next scan through the simulator.
        builder.UseSetting("Logistics:SimulatorStepSeconds", "86400");
        // Every test client is one address and a handful of demo accounts acting faster than people do; the account-post
        // limit stays at its default, and AbuseLimitTests sets the others low.
        foreach (var limit in UnlimitedInTests)
        {
            builder.UseSetting("RateLimits:" + limit, "100000");
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>Starts the app on Kestrel at 127.0.0.1 on a free port and returns its address.</summary>
    public string StartKestrel()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Posts the static login form (with its antiforgery token) like a browser would.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string login, string password, string? returnUrl = null)
    {
        var page = returnUrl is null ? "/Account/Login" : "/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var token = await AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return TokenPattern().Match(html).Groups[1].Value;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        DeleteDataFolder();
    }

    /// <summary>
    /// Deletes the data folder, trying again for a few seconds: whatever the stopped host let go of last (a SQLite
    /// journal, a file being written) can still be closing, and deleting a folder a file is being added to fails with
    /// "Directory not empty". When it keeps failing, the error names what is still there.
    /// </summary>
    private void DeleteDataFolder()
    {
        for (var attempt = 1; Directory.Exists(DataFolder); attempt++)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException) when (attempt < 6)
            {
                Thread.Sleep(250 * attempt);
            }
            catch (IOException e)
            {
                var left = Directory.EnumerateFileSystemEntries(DataFolder, "*", SearchOption.AllDirectories).Take(20);
                throw new IOException($"The test data folder {DataFolder} could not be deleted ({e.Message}); still there: {string.Join(", ", left)}", e);
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
