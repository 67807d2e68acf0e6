using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MallPortal.Core.Data;

/// <summary>Lets <c>dotnet ef</c> build each provider's model without starting the app (scripts/add-migration.sh).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMallDbContext>
{
    public SqliteMallDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMallDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMallDbContext>
{
    public PostgresMallDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMallDbContext>().UseNpgsql("Host=127.0.0.1;Database=mallportal_design").Options);
}
