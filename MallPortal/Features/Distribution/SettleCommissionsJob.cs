using MallPortal.Core.Distribution.Commissions;
using Quartz;

namespace MallPortal.Features.Distribution;

/// <summary>Thin: frozen commissions whose after-sales window has closed become withdrawable.</summary>
[DisallowConcurrentExecution]
public sealed class SettleCommissionsJob(CommissionService commissions, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("settle-commissions");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await commissions.SettleDueAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}
