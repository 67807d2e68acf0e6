using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics;

/// <summary>
/// Writes the daily rollups: a day is always replaced whole from its facts (<see cref="RollupBuilder"/>), so refreshing
/// today every few minutes, rebuilding any past day and checking a day all agree. One refresh at a time per process.
/// </summary>
public sealed class RollupService(IDbContextFactory<MallDbContext> contexts, BusinessTimeZone zone, TimeProvider clock)
{
    /// <summary>How far back the first refresh after a start reaches, to cover days the app was down.</summary>
    public const int CatchUpDays = 7;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateOnly? _refreshedThrough;

    /// <summary>When today's rollups were last refreshed by this process (UTC).</summary>
    public DateTime? LastRefreshedAt { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>The job's run: every day since the last run (a week after a start) through today. Yesterday is always
    /// included, because a payment notified after midnight keeps the provider's time of payment.</summary>
    public async Task RefreshRecentAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        var first = (_refreshedThrough ?? today.AddDays(-CatchUpDays)).AddDays(-1);
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            await RefreshDayAsync(day, cancellationToken);
        }
        _refreshedThrough = today;
    }

    /// <summary>按需刷新: a page showing figures refreshes today first when its rows are older than <paramref name="maxAge"/>.</summary>
    public async Task RefreshTodayIfOlderAsync(TimeSpan maxAge, CancellationToken cancellationToken = default)
    {
        if (LastRefreshedAt is not { } at || clock.GetUtcNow().UtcDateTime - at >= maxAge)
        {
            await RefreshDayAsync(Today, cancellationToken);
        }
    }

    /// <summary>Replaces one day's rows with the ones its facts give now; returns how many rows it wrote.</summary>
    public async Task<int> RefreshDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var rows = await BuildAsync(db, day, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SalesRollups.Where(r => r.Day == day).ExecuteDeleteAsync(cancellationToken);
            db.SalesRollups.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (day == Today)
            {
                LastRefreshedAt = clock.GetUtcNow().UtcDateTime;
            }
            return rows.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>重建: the admin rebuilds a range of past days exactly (after a correction, or for days the job missed).</summary>
    public async Task<int> RebuildAsync(Actor actor, DateRange range, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        var done = 0;
        foreach (var day in range.Days())
        {
            await RefreshDayAsync(day, cancellationToken);
            progress?.Report(++done);
        }
        return done;
    }

    /// <summary>核对: compares the stored rows of each day with the rows its facts give now. There must be no difference.</summary>
    public async Task<IReadOnlyList<RollupDifference>> CheckAsync(Actor actor, DateRange range, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        var differences = new List<RollupDifference>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var day in range.Days())
        {
            var stored = await db.SalesRollups.AsNoTracking().Where(r => r.Day == day)
                .ToDictionaryAsync(r => (r.ShopId, r.Dimension, r.Key), cancellationToken);
            var actual = (await BuildAsync(db, day, cancellationToken)).ToDictionary(r => (r.ShopId, r.Dimension, r.Key));
            differences.AddRange(actual.Keys.Union(stored.Keys)
                .Select(k => (Key: k, Stored: stored.GetValueOrDefault(k), Actual: actual.GetValueOrDefault(k)))
                .Where(p => p.Stored is null || p.Actual is null || !p.Stored.SameFigures(p.Actual))
                .Select(p => new RollupDifference(day, p.Key.ShopId, p.Key.Dimension, p.Key.Key, p.Stored, p.Actual)));
        }
        return differences;
    }

    private async Task<List<SalesRollup>> BuildAsync(MallDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        var facts = await SalesFacts.LoadAsync(db, zone.StartOfDayUtc(day), zone.StartOfDayUtc(day.AddDays(1)), cancellationToken);
        return RollupBuilder.Build(day, facts).ToList();
    }
}

/// <summary>A rollup row that is missing (<see cref="Stored"/> null), left over (<see cref="Actual"/> null) or different.</summary>
public sealed record RollupDifference(DateOnly Day, int ShopId, SalesDimension Dimension, string Key, SalesRollup? Stored, SalesRollup? Actual);
