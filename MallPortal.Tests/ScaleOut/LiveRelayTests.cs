using MallPortal.Core.Data;
using MallPortal.Core.Inventory;
using MallPortal.Core.Orders;
using MallPortal.Features.Live;
using MallPortal.Hosting;
using MallPortal.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace MallPortal.Tests.ScaleOut;

public class LiveRelayTests
{
    [ScaleOutFact("redis")]
    public async Task A_live_update_published_on_one_instance_reaches_the_others_subscribers_once_and_its_own_once()
    {
        var settings = new ScaleOutSettings(TestEnvironment.RedisConnectionString, false, "test-" + Guid.NewGuid().ToString("N")[..8]);
        await using var a = await InstanceAsync(settings);
        await using var b = await InstanceAsync(settings);
        var seenOnA = new List<StockChanged>();
        var seenOnB = new List<StockChanged>();
        var orderOnB = new TaskCompletionSource<OrderChanged>();
        using var _ = a.Live.Subscribe<StockChanged>(m => { lock (seenOnA) { seenOnA.Add(m); } return Task.CompletedTask; });
        using var __ = b.Live.Subscribe<StockChanged>(m => { lock (seenOnB) { seenOnB.Add(m); } return Task.CompletedTask; });
        using var ___ = b.Live.Subscribe<OrderChanged>(m => { orderOnB.TrySetResult(m); return Task.CompletedTask; });

        await a.Live.PublishAsync(new StockChanged(7, [70, 71]));
        await a.Live.PublishAsync(new OrderChanged(5, "20261206000001", 9, 7, OrderStatus.PendingShipment));

        var order = await orderOnB.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new OrderChanged(5, "20261206000001", 9, 7, OrderStatus.PendingShipment), order);
        // Relays arrive in order, so the stock change (published first) is already in; give a stray echo time to show.
        await Task.Delay(300);
        var onB = Assert.Single(seenOnB);
        Assert.Equal(7, onB.ShopId);
        Assert.Equal([70, 71], onB.SkuIds);
        Assert.Single(seenOnA);
    }

    [ScaleOutFact("redis")]
    public async Task A_relay_naming_a_type_outside_the_core_is_ignored()
    {
        var settings = new ScaleOutSettings(TestEnvironment.RedisConnectionString, false, "test-" + Guid.NewGuid().ToString("N")[..8]);
        await using var b = await InstanceAsync(settings);
        var seen = new TaskCompletionSource<StockChanged>();
        using var _ = b.Live.Subscribe<StockChanged>(m => { seen.TrySetResult(m); return Task.CompletedTask; });
        using var stranger = await ConnectionMultiplexer.ConnectAsync(settings.Redis!);
        var channel = RedisChannel.Literal(settings.ChannelPrefix + ":live");

        await stranger.GetSubscriber().PublishAsync(channel, """{"Origin":"x","Type":"System.IO.FileInfo","Message":{"fileName":"/etc/passwd"}}""");
        await stranger.GetSubscriber().PublishAsync(channel, "not json");
        await stranger.GetSubscriber().PublishAsync(channel, """{"Origin":"x","Type":"MallPortal.Core.Inventory.StockChanged","Message":{"ShopId":3,"SkuIds":[4]}}""");

        var relayed = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, relayed.ShopId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, null, null, false)]
    [InlineData(DatabaseProvider.Postgres, null, null, false)]
    [InlineData(DatabaseProvider.Sqlite, "127.0.0.1:6379", null, false)]
    [InlineData(DatabaseProvider.Postgres, "127.0.0.1:6379", null, true)]
    [InlineData(DatabaseProvider.Postgres, null, "true", true)]
    [InlineData(DatabaseProvider.Postgres, "127.0.0.1:6379", "false", false)]
    public void Jobs_are_clustered_by_default_once_postgres_and_redis_are_both_configured(DatabaseProvider provider, string? redis, string? clustered, bool expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Jobs:Clustered"] = clustered,
        }).Build();

        Assert.Equal(expected, ScaleOutSettings.Read(config, provider).ClusteredJobs);
    }

    [Fact]
    public void Clustered_jobs_on_sqlite_stop_the_start_with_the_reason()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:Clustered"] = "true" }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => ScaleOutSettings.Read(config, DatabaseProvider.Sqlite));
        Assert.Contains("Database:Provider=Postgres", refused.Message);
    }

    private static async Task<Instance> InstanceAsync(ScaleOutSettings settings)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(settings.Redis!);
        var live = new RedisLiveUpdates(redis, new InProcessLiveUpdates(NullLogger<InProcessLiveUpdates>.Instance), settings, NullLogger<RedisLiveUpdates>.Instance);
        await live.StartAsync(CancellationToken.None);
        return new Instance(redis, live);
    }

    private sealed record Instance(ConnectionMultiplexer Redis, RedisLiveUpdates Live) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Live.StopAsync(CancellationToken.None);
            await Redis.DisposeAsync();
        }
    }
}
