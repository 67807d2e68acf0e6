using MallPortal.Core.Distribution;

namespace MallPortal.Features.Distribution;

/// <summary>Drains the click queue in batches (up to 500 at a time, about twice a second), and once more when the app stops.</summary>
public sealed class ClickFlusher(ClickRecorder clicks, ILogger<ClickFlusher> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await clicks.Pending.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
                await FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is queued is written below.
        }
        await FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = new List<ClickInput>();
            while (batch.Count < BatchSize && clicks.Pending.TryRead(out var click))
            {
                batch.Add(click);
            }
            if (batch.Count == 0)
            {
                return;
            }
            try
            {
                await clicks.FlushAsync(batch, cancellationToken);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not record {Count} promotion clicks", batch.Count);
                return;
            }
        }
    }
}
