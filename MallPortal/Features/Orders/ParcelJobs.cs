using MallPortal.Core.Orders.Shipping;
using MallPortal.Core.Orders.Shipping.Simulator;
using Microsoft.Extensions.Options;
using Quartz;

namespace MallPortal.Features.Orders;

/// <summary>Thin: subscriptions not through yet are tried again; the simulator (when it is the provider) scans and pushes what is due.</summary>
[DisallowConcurrentExecution]
public sealed class TrackParcelsJob(ShipmentTracker tracker, TrackingSimulator simulator, IOptions<LogisticsOptions> options) : IJob
{
    public static readonly JobKey Key = new("track-parcels");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await tracker.RetryAsync(cancellationToken);
        if (options.Value.IsSimulator)
        {
            await simulator.PushDueAsync(cancellationToken);
        }
    }
}

/// <summary>Thin: parcels with no scan for days go to their shop's logistics problem queue.</summary>
[DisallowConcurrentExecution]
public sealed class FlagSilentParcelsJob(ShipmentCareService care) : IJob
{
    public static readonly JobKey Key = new("flag-silent-parcels");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await care.FlagSilentAsync(cancellationToken);
}

/// <summary>Thin: after-sale deadlines — unanswered claims approved for the merchant, returns not sent in time closed.</summary>
[DisallowConcurrentExecution]
public sealed class AfterSaleDeadlinesJob(Core.Orders.AfterSales.AfterSaleTimerService timers) : IJob
{
    public static readonly JobKey Key = new("aftersale-deadlines");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await timers.RunAsync(cancellationToken);
}
