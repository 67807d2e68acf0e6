using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Common;

/// <summary>
/// Settings kept in one row, read often (every click, checkout or payment) and kept in memory between the admin's changes;
/// the row is created with its defaults the first time it is needed.
/// </summary>
public abstract class SettingsRowStore<T>(IDbContextFactory<MallDbContext> contexts)
    where T : class
{
    private volatile T? _cached;

    protected IDbContextFactory<MallDbContext> Contexts => contexts;

    protected abstract DbSet<T> Rows(MallDbContext db);

    protected abstract T Defaults();

    public async Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached)
        {
            return cached;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return _cached = await LoadOrCreateAsync(db, cancellationToken);
    }

    /// <summary>
    /// For code inside another transaction (an order step's handlers): reads through that transaction's context, so it
    /// never waits on the step's own write lock; before the row exists the defaults apply.
    /// </summary>
    internal async Task<T> GetAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        if (_cached is { } cached)
        {
            return cached;
        }
        var stored = await Rows(db).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return stored is null ? Defaults() : _cached = stored;
    }

    /// <summary>Changes the row (the change checks its input and throws before anything is saved) and keeps the result.</summary>
    protected async Task ChangeAsync(Action<T> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await LoadOrCreateAsync(db, cancellationToken);
        change(settings);
        await db.SaveChangesAsync(cancellationToken);
        _cached = settings;
    }

    private async Task<T> LoadOrCreateAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        if (await Rows(db).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }
        var created = Defaults();
        Rows(db).Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException)
        {
            // Another request created the row at the same moment: use that one.
            db.ChangeTracker.Clear();
            return await Rows(db).SingleAsync(cancellationToken);
        }
    }
}
