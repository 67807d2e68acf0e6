using MallPortal.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace MallPortal.Tests.Notifications;

/// <summary>A burst of kicks (a flash sale's orders) runs the dispatcher once; a kick after the burst gets its own run.</summary>
public sealed class OutboxSignalTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private readonly Runs _runs = new();
    private ServiceProvider _services = default!;
    private IScheduler _scheduler = default!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(_runs);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "outbox-signal-" + Guid.NewGuid().ToString("N"));
            q.AddJob<CountingJob>(j => j.WithIdentity(DispatchOutboxJob.Key).StoreDurably());
        });
        _services = services.BuildServiceProvider();
        _scheduler = await _services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await _scheduler.Start();
    }

    public async Task DisposeAsync()
    {
        await _scheduler.Shutdown(waitForJobsToComplete: true);
        await _services.DisposeAsync();
    }

    private QuartzOutboxSignal Signal() =>
        new(_services.GetRequiredService<ISchedulerFactory>(), _clock, NullLogger<QuartzOutboxSignal>.Instance);

    [Fact]
    public async Task Kicks_within_the_coalescing_window_share_one_run()
    {
        var signal = Signal();

        for (var i = 0; i < 50; i++)
        {
            signal.Kick();
        }
        _clock.Advance(QuartzOutboxSignal.Coalesce);
        await _runs.WaitForAsync(1);

        signal.Kick();
        _clock.Advance(QuartzOutboxSignal.Coalesce);
        await _runs.WaitForAsync(2);
        await Task.Delay(300);
        Assert.Equal(2, _runs.Count);
    }

    [Fact]
    public async Task Nothing_runs_before_the_window_closes()
    {
        var signal = Signal();

        signal.Kick();
        await Task.Delay(300);
        Assert.Equal(0, _runs.Count);

        _clock.Advance(QuartzOutboxSignal.Coalesce);
        await _runs.WaitForAsync(1);
    }

    private sealed class CountingJob(Runs runs) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            runs.Add();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Runs
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);

        public async Task WaitForAsync(int count)
        {
            var until = DateTime.UtcNow.AddSeconds(10);
            while (Count < count && DateTime.UtcNow < until)
            {
                await Task.Delay(20);
            }
            Assert.True(Count >= count, $"expected {count} dispatcher runs, saw {Count}");
        }
    }
}
