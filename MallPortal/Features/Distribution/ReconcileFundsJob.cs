using MallPortal.Core.Distribution.Funds;
using Quartz;

namespace MallPortal.Features.Distribution;

/// <summary>Thin: every night, yesterday's funds and every balance are reconciled; a difference alerts the admins.</summary>
[DisallowConcurrentExecution]
public sealed class ReconcileFundsJob(FundsReconciliation funds, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("reconcile-funds");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await funds.NightlyAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}
