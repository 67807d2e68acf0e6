using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Data;

public class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteMallDbContext(
            new DbContextOptionsBuilder<SqliteMallDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQLite set is behind the model.");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresMallDbContext(
            new DbContextOptionsBuilder<PostgresMallDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the PostgreSQL set is behind the model.");
    }

    [Fact]
    public void Both_sets_have_the_same_migrations()
    {
        using var sqlite = new SqliteMallDbContext(
            new DbContextOptionsBuilder<SqliteMallDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresMallDbContext(
            new DbContextOptionsBuilder<PostgresMallDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        Assert.Equal(Names(sqlite), Names(postgres));
    }

    [Fact]
    public async Task The_sqlite_migrations_apply_to_an_empty_database()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = await db.ContextAsync();

        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await context.Users.CountAsync());
    }

    [PostgresFact]
    public async Task The_postgres_migrations_apply_to_an_empty_database()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var context = await db.ContextAsync();

        Assert.IsType<PostgresMallDbContext>(context);
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
    }
}
