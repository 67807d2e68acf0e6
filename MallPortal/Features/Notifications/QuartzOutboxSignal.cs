using MallPortal.Core.Notifications;
using Quartz;

namespace MallPortal.Features.Notifications;

/// <summary>Runs the dispatch job at once, so a verification code does not wait for the next tick.</summary>
public sealed class QuartzOutboxSignal(ISchedulerFactory schedulers, ILogger<QuartzOutboxSignal> logger) : IOutboxSignal
{
    public void Kick() => _ = TriggerAsync();

    private async Task TriggerAsync()
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            await scheduler.TriggerJob(DispatchOutboxJob.Key);
        }
        catch (Exception ex)
        {
            // The regular tick still sends the message.
            logger.LogWarning(ex, "Could not trigger the outbox dispatcher");
        }
    }
}
