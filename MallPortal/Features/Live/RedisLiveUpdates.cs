using System.Text.Json;
using MallPortal.Core.Common;
using MallPortal.Hosting;
using StackExchange.Redis;

namespace MallPortal.Features.Live;

/// <summary>
/// <see cref="ILiveUpdates"/> across several app instances. A message reaches this instance's subscribers at once, as
/// in-process, and is relayed through a Redis pub/sub channel to the other instances, which hand it to theirs; an
/// instance ignores its own relays. Best effort, like every live update: a Redis outage is logged and loses only the
/// other instances' refresh, never the publisher's work.
/// </summary>
public sealed class RedisLiveUpdates(IConnectionMultiplexer redis, InProcessLiveUpdates local, ScaleOutSettings settings,
    ILogger<RedisLiveUpdates> logger) : ILiveUpdates, IHostedService
{
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stopping = new();
    private Task _listening = Task.CompletedTask;
    private ChannelMessageQueue? _queue;

    private RedisChannel Channel => RedisChannel.Literal(settings.ChannelPrefix + ":live");

    public async Task PublishAsync<TMessage>(TMessage message, CancellationToken cancellationToken = default)
        where TMessage : notnull
    {
        await local.PublishAsync(message, cancellationToken);
        if (!redis.IsConnected)
        {
            // Never make the publisher (a checkout, a payment) wait for Redis: the other instances miss this refresh.
            logger.LogWarning("Redis is not connected: live update {Message} stays on this instance", typeof(TMessage).Name);
            return;
        }
        try
        {
            var relay = new Relay(_origin, typeof(TMessage).FullName!, JsonSerializer.SerializeToElement(message));
            await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(relay), CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Live update {Message} was not relayed to the other instances", typeof(TMessage).Name);
        }
    }

    public IDisposable Subscribe<TMessage>(Func<TMessage, Task> handler)
        where TMessage : notnull =>
        local.Subscribe(handler);

    /// <summary>
    /// Subscribed before the instance serves anything when Redis is up; while Redis is down the instance starts anyway
    /// (and /healthz names Redis) and keeps trying in the background.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _listening = ListenAsync(_stopping.Token);
        if (redis.IsConnected)
        {
            await _listening.WaitAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _listening;
        if (_queue is not null && redis.IsConnected)
        {
            await _queue.UnsubscribeAsync();
        }
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                // Once subscribed, the client re-subscribes by itself after a reconnect.
                _queue = await redis.GetSubscriber().SubscribeAsync(Channel);
                // One message at a time, in the order published, like the in-process fan-out.
                _queue.OnMessage(message => ReceiveAsync(message.Message));
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning(ex, "Cannot subscribe to live updates from the other instances yet; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ReceiveAsync(RedisValue value)
    {
        try
        {
            var relay = JsonSerializer.Deserialize<Relay>(value.ToString());
            if (relay is null || relay.Origin == _origin)
            {
                return;
            }
            // Only the Core's own message types travel: a stray publisher cannot make this instance build other objects.
            var type = typeof(ILiveUpdates).Assembly.GetType(relay.Type, throwOnError: false);
            if (type is null || type.Namespace?.StartsWith("MallPortal.Core", StringComparison.Ordinal) != true
                || relay.Message.Deserialize(type) is not { } message)
            {
                logger.LogWarning("A relayed live update of unknown type {Type} was ignored", relay.Type);
                return;
            }
            await local.DeliverAsync(type, message);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "A relayed live update could not be read");
        }
    }

    private sealed record Relay(string Origin, string Type, JsonElement Message);
}
