using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Data;

/// <summary>Brings the database to the latest migration at start-up (never EnsureCreated), then the data steps SQL cannot do.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<MallDbContext> contexts, DatabaseInfo info)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (info.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one writer writes; the setting stays with the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
        await Orders.RecipientBackfill.RunAsync(db, cancellationToken);
    }
}
