using MallPortal.Core.Notifications;
using Quartz;

namespace MallPortal.Features.Notifications;

/// <summary>Thin: sends what is due in the outbox, on a tick and whenever something is queued.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchOutboxJob(OutboxDispatcher dispatcher, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("dispatch-outbox");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.DispatchDueAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}
