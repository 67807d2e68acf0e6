using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Data;

/// <summary>Hands out the configured provider's context as the provider-neutral <see cref="MallDbContext"/>.</summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<MallDbContext>
    where TContext : MallDbContext
{
    public MallDbContext CreateDbContext() => inner.CreateDbContext();
}
