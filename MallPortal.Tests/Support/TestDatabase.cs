using MallPortal.Core;
using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Features.Live;
using Microsoft.EntityFrameworkCore;
using MallPortal.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace MallPortal.Tests.Support;

/// <summary>
/// A fresh, migrated database with the Core services around it: SQLite in memory (one connection
/// kept open for its lifetime) or a throw-away PostgreSQL database, dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection? _keepAlive;
    private readonly string? _postgresName;

    private TestDatabase(ServiceProvider services, SqliteConnection? keepAlive, string? postgresName, string dataFolder)
    {
        Services = services;
        DataFolder = dataFolder;
        _keepAlive = keepAlive;
        _postgresName = postgresName;
    }

    public ServiceProvider Services { get; }

    /// <summary>Files (avatars, .eml pickup) of this database's app; deleted on dispose.</summary>
    public string DataFolder { get; }

    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    /// <summary>The providers the service tests run on: SQLite always, PostgreSQL when configured.</summary>
    public static TheoryData<DatabaseProvider> Providers()
    {
        var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (TestEnvironment.PostgresConnectionString is not null)
        {
            data.Add(DatabaseProvider.Postgres);
        }
        return data;
    }

    /// <param name="sqliteFile">A temporary SQLite file instead of memory: needed where writers compete
    /// (in-memory shared-cache databases answer SQLITE_LOCKED, which the busy timeout does not wait out).</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, Action<IServiceCollection>? configure = null, bool sqliteFile = false)
    {
        SqliteConnection? keepAlive = null;
        string? postgresName = null;
        string connectionString;
        var dataFolder = Path.Combine(Path.GetTempPath(), "mallportal-tests", Guid.NewGuid().ToString("N"));
        if (provider == DatabaseProvider.Sqlite && sqliteFile)
        {
            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "test.db")};Pooling=False";
        }
        else if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = $"Data Source=file:mallportal-{Guid.NewGuid():N}?mode=memory&cache=shared";
            keepAlive = new SqliteConnection(connectionString);
            await keepAlive.OpenAsync();
        }
        else
        {
            postgresName = $"mallportal_test_{Guid.NewGuid():N}";
            connectionString = await CreatePostgresDatabaseAsync(postgresName);
        }

        var services = new ServiceCollection();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Admin:Login"] = "admin@test.local",
            ["Admin:Password"] = "admin1234",
        }).Build();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)));
        services.AddMallDatabase(provider, connectionString);
        services.AddSingleton<ILiveUpdates, InProcessLiveUpdates>();
        services.AddMallCore(config, dataFolder);
        configure?.Invoke(services);
        var serviceProvider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        var database = new TestDatabase(serviceProvider, keepAlive, postgresName, dataFolder);
        await using var scope = serviceProvider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return database;
    }

    /// <summary>A database with the first admin (admin@test.local) and the whole demo data set.</summary>
    public static async Task<TestDatabase> CreateSeededAsync(DatabaseProvider provider, bool sqliteFile = false,
        Action<IServiceCollection>? configure = null)
    {
        var db = await CreateAsync(provider, configure, sqliteFile);
        await db.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync();
            await s.GetRequiredService<MallPortal.Core.Seeding.DemoDataSeeder>().SeedAsync();
        });
        return db;
    }

    /// <summary>A short-lived context for asserting on what was stored.</summary>
    public Task<MallDbContext> ContextAsync() =>
        Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();

    /// <summary>Runs work in a DI scope, as one request or one circuit call would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>The code in the newest SMS or e-mail queued for a contact (as the phone would show it).</summary>
    public async Task<string> LatestCodeSentToAsync(string contact)
    {
        await using var db = await ContextAsync();
        var body = await db.OutboxMessages.Where(m => m.Recipient == contact && m.TemplateKey == "verification-code")
            .OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync();
        return System.Text.RegularExpressions.Regex.Match(body, @"\d{6}").Value;
    }

    /// <summary>Sends a code to a contact and returns it, as a person reading their phone would.</summary>
    public async Task<string> SendCodeAsync(string contact, VerificationPurpose purpose, string clientIp = "127.0.0.1")
    {
        await Services.GetRequiredService<VerificationCodeService>().SendAsync(LoginIdentifier.Parse(contact), purpose, clientIp);
        return await LatestCodeSentToAsync(contact);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<string> CreatePostgresDatabaseAsync(string name)
    {
        var adminConnection = TestEnvironment.PostgresConnectionString
            ?? throw new InvalidOperationException("MALLPORTAL_TEST_POSTGRES is not set.");
        await using (var admin = new NpgsqlConnection(adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ConnectionString;
    }
}
