using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Core.Data;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <c>IDbContextFactory&lt;MallDbContext&gt;</c> for the chosen provider (what services
    /// use), and a scoped <see cref="MallDbContext"/> for Identity's stores and the health check.
    /// </summary>
    public static IServiceCollection AddMallDatabase(
        this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextFactory<PostgresMallDbContext>(o => o.UseNpgsql(connectionString));
            services.AddSingleton<IDbContextFactory<MallDbContext>,
                ProviderDbContextFactory<PostgresMallDbContext>>();
        }
        else
        {
            services.AddDbContextFactory<SqliteMallDbContext>(o => o
                .UseSqlite(connectionString)
                .AddInterceptors(new SqliteBusyTimeoutInterceptor()));
            services.AddSingleton<IDbContextFactory<MallDbContext>,
                ProviderDbContextFactory<SqliteMallDbContext>>();
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContext());
        services.AddSingleton(new DatabaseInfo(provider));
        services.AddSingleton<WriteGate>();
        services.AddScoped<DatabaseMigrator>();
        services.AddSingleton<IntegrityReview>();
        return services;
    }
}

/// <summary>The provider the app runs on, for the few places that must know it.</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider);
