using MallPortal.Core.Notifications;
using Quartz;

namespace MallPortal.Features.Notifications;

/// <summary>
/// Runs the dispatch job at once, so a verification code does not wait for the next tick. Kicks that come within
/// <see cref="Coalesce"/> of each other share one run: every message they announce was saved before its kick, so it is
/// in the outbox when that run reads it. Without this a flash sale queued one run per order (issue 15).
/// </summary>
public sealed class QuartzOutboxSignal(ISchedulerFactory schedulers, TimeProvider clock, ILogger<QuartzOutboxSignal> logger) : IOutboxSignal
{
    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);

    private int _pending;

    public void Kick()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _ = TriggerAsync();
        }
    }

    private async Task TriggerAsync()
    {
        try
        {
            await Task.Delay(Coalesce, clock);
            // Cleared before the trigger: a kick from now on starts its own run, which reads its message.
            Volatile.Write(ref _pending, 0);
            var scheduler = await schedulers.GetScheduler();
            await scheduler.TriggerJob(DispatchOutboxJob.Key);
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _pending, 0);
            // The regular tick still sends the message.
            logger.LogWarning(ex, "Could not trigger the outbox dispatcher");
        }
    }
}
