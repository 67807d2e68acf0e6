using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>The platform's distribution settings, read often (every click and checkout) and kept in memory between changes.</summary>
public sealed class DistributionSettingsStore(IDbContextFactory<MallDbContext> contexts) : Orders.Settlement.IAfterSalesPolicy
{
    private volatile DistributionSettings? _cached;

    public async Task<DistributionSettings> GetAsync(CancellationToken cancellationToken = default)
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
    /// never waits on the step's own write lock; before the admin's first save the defaults apply.
    /// </summary>
    internal async Task<DistributionSettings> GetAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        if (_cached is { } cached)
        {
            return cached;
        }
        var stored = await db.DistributionSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return stored is null ? DistributionSettings.Defaults() : _cached = stored;
    }

    /// <summary>The one after-sales window: commissions and merchants' receivables settle on it.</summary>
    public async Task<int> AfterSalesDaysAsync(CancellationToken cancellationToken) => (await GetAsync(cancellationToken)).SettleAfterDays;

    public async Task SaveAsync(Actor actor, DistributionSettingsInput input, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await LoadOrCreateAsync(db, cancellationToken);
        settings.Change(input);
        await db.SaveChangesAsync(cancellationToken);
        _cached = settings;
    }

    private static async Task<DistributionSettings> LoadOrCreateAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        if (await db.DistributionSettings.SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }
        var created = DistributionSettings.Defaults();
        db.DistributionSettings.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException)
        {
            // Another request created the row at the same moment: use that one.
            db.ChangeTracker.Clear();
            return await db.DistributionSettings.SingleAsync(cancellationToken);
        }
    }
}
