using MallPortal.Core.Distribution.Grades;
using Quartz;

namespace MallPortal.Features.Distribution;

/// <summary>Thin: every day, distributors whose own settled sales reached a higher grade move up.</summary>
[DisallowConcurrentExecution]
public sealed class UpgradeGradesJob(GradeService grades, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("upgrade-grades");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await grades.UpgradeAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}
