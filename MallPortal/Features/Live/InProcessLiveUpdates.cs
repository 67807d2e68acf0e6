using System.Collections.Concurrent;
using System.Collections.Immutable;
using MallPortal.Core.Common;

namespace MallPortal.Features.Live;

/// <summary>
/// <see cref="ILiveUpdates"/> inside one process: components subscribe (and dispose the
/// subscription with themselves), publishers fan out to them. A failing subscriber is logged and
/// never fails the publisher (best effort, after commit).
/// </summary>
public sealed class InProcessLiveUpdates(ILogger<InProcessLiveUpdates> logger) : ILiveUpdates
{
    private readonly ConcurrentDictionary<Type, ImmutableList<Subscription>> _subscriptions = new();

    public Task PublishAsync<TMessage>(TMessage message, CancellationToken cancellationToken = default)
        where TMessage : notnull =>
        DeliverAsync(typeof(TMessage), message);

    /// <summary>Hands a message to this process's subscribers of <paramref name="type"/> (also for a message relayed from another instance).</summary>
    internal async Task DeliverAsync(Type type, object message)
    {
        if (!_subscriptions.TryGetValue(type, out var list))
        {
            return;
        }
        foreach (var subscription in list)
        {
            try
            {
                await subscription.Handler(message);
            }
            catch (Exception ex) when (ex is Microsoft.JSInterop.JSDisconnectedException or OperationCanceledException)
            {
                // The subscriber's browser has gone and its circuit is closing; it unsubscribes when disposed.
                logger.LogDebug(ex, "A live-update subscriber of {Message} has disconnected", type.Name);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A live-update subscriber of {Message} failed", type.Name);
            }
        }
    }

    public IDisposable Subscribe<TMessage>(Func<TMessage, Task> handler)
        where TMessage : notnull
    {
        var subscription = new Subscription(this, typeof(TMessage), message => handler((TMessage)message));
        _subscriptions.AddOrUpdate(typeof(TMessage), [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    private void Remove(Subscription subscription) =>
        _subscriptions.AddOrUpdate(subscription.Type, [], (_, list) => list.Remove(subscription));

    private sealed class Subscription(InProcessLiveUpdates owner, Type type, Func<object, Task> handler) : IDisposable
    {
        public Type Type { get; } = type;

        public Func<object, Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
