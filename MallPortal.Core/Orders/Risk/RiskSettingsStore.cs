using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Risk;

/// <summary>The platform's risk rules and the shops' own review lines; the rules are read at every payment and kept in memory.</summary>
public sealed class RiskSettingsStore(IDbContextFactory<MallDbContext> contexts)
{
    private volatile RiskSettings? _cached;

    public async Task<RiskSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached)
        {
            return cached;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return _cached = await LoadOrCreateAsync(db, cancellationToken);
    }

    /// <summary>
    /// Through the caller's context (inside an order step's transaction, so it never waits on the step's own write lock);
    /// before the row exists the defaults apply.
    /// </summary>
    internal async Task<RiskSettings> GetAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        if (_cached is { } cached)
        {
            return cached;
        }
        var stored = await db.RiskSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return stored is null ? RiskSettings.Defaults() : _cached = stored;
    }

    public async Task SaveAsync(Actor actor, RiskSettingsInput input, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await LoadOrCreateAsync(db, cancellationToken);
        settings.Change(input);
        await db.SaveChangesAsync(cancellationToken);
        _cached = settings;
    }

    public async Task<IReadOnlyList<ShopRiskLimitRow>> ShopLimitsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from s in db.Shops
                      join l in db.ShopRiskLimits on s.Id equals l.ShopId into limits
                      from l in limits.DefaultIfEmpty()
                      orderby s.Id
                      select new ShopRiskLimitRow(s.Id, s.Name, l == null ? null : new Money(l.HoldAboveFen))).ToListAsync(cancellationToken);
    }

    /// <summary>A shop's own line; null or zero removes it (the platform's line alone applies).</summary>
    public async Task SetShopLimitAsync(Actor actor, int shopId, Money? holdAbove, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        if (holdAbove is { Fen: < 0 } or { Fen: > 100_000_000_00 })
        {
            throw new DomainException(string.Format(CoreText.RiskSettingOutOfRange, CoreText.RiskHoldAbove, 0, 100_000_000_00), "HoldAbove");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Shops.AnyAsync(s => s.Id == shopId, cancellationToken))
        {
            throw new DomainException(CoreText.ShopNotFound);
        }
        var limit = await db.ShopRiskLimits.SingleOrDefaultAsync(l => l.ShopId == shopId, cancellationToken);
        if (holdAbove is not { Fen: > 0 } fen)
        {
            if (limit is not null)
            {
                db.ShopRiskLimits.Remove(limit);
            }
        }
        else if (limit is null)
        {
            db.ShopRiskLimits.Add(new ShopRiskLimit(shopId, fen.Fen));
        }
        else
        {
            limit.HoldAboveFen = fen.Fen;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<RiskSettings> LoadOrCreateAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        if (await db.RiskSettings.SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }
        var created = RiskSettings.Defaults();
        db.RiskSettings.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException)
        {
            // Another request created the row at the same moment: use that one.
            db.ChangeTracker.Clear();
            return await db.RiskSettings.SingleAsync(cancellationToken);
        }
    }
}

public sealed record ShopRiskLimitRow(int ShopId, string ShopName, Money? HoldAbove);
