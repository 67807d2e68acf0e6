using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Data;

/// <summary>The SQLite flavour of <see cref="MallDbContext"/>; owns Data/Migrations/Sqlite.</summary>
public sealed class SqliteMallDbContext(DbContextOptions<SqliteMallDbContext> options) : MallDbContext(options);
