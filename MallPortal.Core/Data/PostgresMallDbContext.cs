using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Data;

/// <summary>The PostgreSQL flavour of <see cref="MallDbContext"/>; owns Data/Migrations/Postgres.</summary>
public sealed class PostgresMallDbContext(DbContextOptions<PostgresMallDbContext> options) : MallDbContext(options);
