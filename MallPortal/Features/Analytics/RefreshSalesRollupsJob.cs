using MallPortal.Core.Analytics;
using Quartz;

namespace MallPortal.Features.Analytics;

/// <summary>Thin: every few minutes today's (and yesterday's, and after a start the missed days') rollups are rebuilt from the facts.</summary>
[DisallowConcurrentExecution]
public sealed class RefreshSalesRollupsJob(RollupService rollups) : IJob
{
    public static readonly JobKey Key = new("refresh-sales-rollups");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await rollups.RefreshRecentAsync(cancellationToken);
}
