using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Seeding;

/// <summary>The one seeding mechanism: runs each module's demo seeder that has not run on this database.</summary>
public sealed class DemoDataSeeder(
    IEnumerable<IDemoSeeder> seeders, IDbContextFactory<MallDbContext> contexts, TimeProvider clock)
{
    /// <summary>Names of the seeders that ran now (empty when the demo was already there).</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var ran = new List<string>();
        foreach (var seeder in seeders.OrderBy(s => s.Order))
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                if (await db.DemoSeedRuns.AnyAsync(r => r.Name == seeder.Name, cancellationToken))
                {
                    continue;
                }
            }
            await seeder.SeedAsync(cancellationToken);
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                db.DemoSeedRuns.Add(new DemoSeedRun(seeder.Name, clock.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(cancellationToken);
            }
            ran.Add(seeder.Name);
        }
        return ran;
    }

    public async Task<bool> HasRunAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DemoSeedRuns.AnyAsync(r => r.Name == name, cancellationToken);
    }
}
