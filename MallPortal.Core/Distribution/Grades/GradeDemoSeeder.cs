using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Grades;

/// <summary>The platform's grades 普通 / 银牌 / 金牌 made by the admin, then the daily upgrade run: 王芳's settled sales make her 银牌.</summary>
public sealed class GradeDemoSeeder(IDbContextFactory<MallDbContext> contexts, GradeService grades, TimeProvider clock) : IDemoSeeder
{
    public string Name => "grades";

    public int Order => 430;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var admin = await AdminLookup.FirstAsync(db, cancellationToken);
        await grades.SaveAsync(admin, null, new GradeInput("普通", 0, 0, 0, 0), cancellationToken);
        await grades.SaveAsync(admin, null, new GradeInput("银牌", 50_000, 1000, 400, 0), cancellationToken);
        await grades.SaveAsync(admin, null, new GradeInput("金牌", 500_000, 1200, 500, 0), cancellationToken);
        await grades.UpgradeAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
