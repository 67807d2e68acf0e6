using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Hosting;

/// <summary>
/// <c>dotnet MallPortal.dll check</c>: the operator's integrity check (<see cref="IntegrityCheck"/>) on the configured
/// database, without migrating or seeding, printed in Chinese and English; exit code 1 when any rule is broken.
/// The admin's 数据完整性检查 page runs the same check (<see cref="IntegrityReview"/>).
/// </summary>
public static class IntegrityCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] is "check" or "--check-integrity";

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var report = await IntegrityReport.RunAsync(db, services.GetRequiredService<TimeProvider>());
        foreach (var v in report.Violations)
        {
            Console.WriteLine($"违规 violation [{IntegrityReport.RuleName(v.Rule)} / {v.Rule}] {v.Subject}: {v.Detail}");
        }
        Console.WriteLine(report.Passed
            ? $"完整性检查通过 / integrity check passed: {report.Orders} orders, 0 violations"
            : $"完整性检查失败 / integrity check failed: {report.Orders} orders, {report.Violations.Count} violations");
        return report.Passed ? 0 : 1;
    }
}
