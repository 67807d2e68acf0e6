namespace MallPortal.Core.Common;

/// <summary>
/// Best-effort fan-out of events to whoever is watching (open pages), published after the
/// change has been committed. The web app implements it in-process; several instances would
/// back the same seam by a Redis relay. Subscribers filter by the message's content.
/// </summary>
public interface ILiveUpdates
{
    Task PublishAsync<TMessage>(TMessage message, CancellationToken cancellationToken = default)
        where TMessage : notnull;

    IDisposable Subscribe<TMessage>(Func<TMessage, Task> handler)
        where TMessage : notnull;
}
