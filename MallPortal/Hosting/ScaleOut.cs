using System.Text;
using System.Threading.RateLimiting;
using HealthChecks.Redis;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Features.Live;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RedisRateLimiting;
using StackExchange.Redis;

namespace MallPortal.Hosting;

/// <summary>
/// How this instance shares what several instances must share. One server needs nothing: live updates in process,
/// data-protection keys under the data folder, jobs in memory. With <c>ConnectionStrings:Redis</c> live updates, the
/// keys and the abuse limits' windows go through Redis; with <c>Jobs:Clustered</c> (default: on when the database is PostgreSQL and Redis is set)
/// Quartz keeps its jobs in PostgreSQL and each firing runs on one instance only.
/// </summary>
public sealed record ScaleOutSettings(string? Redis, bool ClusteredJobs, string ChannelPrefix)
{
    public static ScaleOutSettings Read(IConfiguration config, DatabaseProvider provider)
    {
        var redis = config.GetConnectionString("Redis") is { Length: > 0 } r ? r : null;
        var clustered = config.GetValue("Jobs:Clustered", provider == DatabaseProvider.Postgres && redis is not null);
        if (clustered && provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Jobs:Clustered needs Database:Provider=Postgres: the instances share their jobs through it.");
        }
        return new ScaleOutSettings(redis, clustered, config.GetValue("Redis:ChannelPrefix", "mallportal")!);
    }
}

public static class ScaleOutRegistration
{
    private const string KeysName = "DataProtection-Keys";

    public static IServiceCollection AddMallScaleOut(this IServiceCollection services, ScaleOutSettings settings, string dataFolder)
    {
        services.AddSingleton(settings);
        services.AddSingleton<InProcessLiveUpdates>();
        var keys = services.AddDataProtection().SetApplicationName("MallPortal");
        if (settings.Redis is null)
        {
            // Keys live with the data, so cookies survive a restart of a self-hosted server.
            keys.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
            services.AddSingleton<ILiveUpdates>(sp => sp.GetRequiredService<InProcessLiveUpdates>());
            return services;
        }

        // The app starts while Redis is still coming up; the health check reports it until it answers.
        var options = ConfigurationOptions.Parse(settings.Redis);
        options.AbortOnConnectFail = false;
        var redis = ConnectionMultiplexer.Connect(options);
        services.AddSingleton<IConnectionMultiplexer>(redis);
        // Every instance signs and reads cookies, antiforgery tokens and Blazor's circuit state with the same keys.
        keys.PersistKeysToStackExchangeRedis(() => redis.GetDatabase(), $"{settings.ChannelPrefix}:{KeysName}");
        services.AddSingleton<RedisLiveUpdates>();
        services.AddSingleton<ILiveUpdates>(sp => sp.GetRequiredService<RedisLiveUpdates>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisLiveUpdates>());
        services.AddHealthChecks().AddRedis(_ => redis, "redis");
        services.AddSingleton<IAbuseWindows>(new RedisAbuseWindows(redis, settings.ChannelPrefix));
        return services;
    }

    /// <summary><c>/healthz</c>: 200 when every check passes, 503 otherwise; one line per check (database, redis) for the operator.</summary>
    public static IEndpointRouteBuilder MapMallHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                var text = new StringBuilder().AppendLine(report.Status.ToString());
                foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    text.AppendLine($"{name}: {entry.Status}");
                }
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync(text.ToString());
            },
        });
        return endpoints;
    }
}

/// <summary>
/// The abuse limits' windows in Redis (RedisRateLimiting's fixed window), shared by every instance: 20 logins a minute
/// from one address stay 20 however many instances the proxy spreads them over.
/// </summary>
public sealed class RedisAbuseWindows(IConnectionMultiplexer redis, string prefix) : IAbuseWindows
{
    public RateLimitPartition<string> For(string key, int permitsPerMinute) =>
        RedisRateLimitPartition.GetFixedWindowRateLimiter($"{prefix}:limits:{key}", _ => new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            PermitLimit = Math.Max(1, permitsPerMinute),
            Window = TimeSpan.FromMinutes(1),
        });
}
