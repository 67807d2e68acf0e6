using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Risk;

/// <summary>The platform's risk rules and the shops' own review lines; the rules are read at every payment and kept in memory.</summary>
public sealed class RiskSettingsStore(IDbContextFactory<MallDbContext> contexts) : SettingsRowStore<RiskSettings>(contexts)
{
    public async Task SaveAsync(Actor actor, RiskSettingsInput input, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await ChangeAsync(settings => settings.Change(input), cancellationToken);
    }

    public async Task<IReadOnlyList<ShopRiskLimitRow>> ShopLimitsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
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
        if (holdAbove is { Fen: < 0 or > RiskSettings.MaxLineFen })
        {
            throw new DomainException(string.Format(CoreText.RiskSettingOutOfRange, CoreText.RiskHoldAbove, Money.Zero, new Money(RiskSettings.MaxLineFen)), "HoldAbove");
        }
        // A shop's order is part of a payment: at or above the platform's line, the platform's rule holds it first.
        if (holdAbove is { Fen: > 0 } line && (await GetAsync(cancellationToken)).HoldAbove is { Fen: > 0 } platform && line.Fen >= platform.Fen)
        {
            throw new DomainException(string.Format(CoreText.RiskShopLineNotBelowPlatform, platform), "HoldAbove");
        }
        await using var db = await Contexts.CreateDbContextAsync(cancellationToken);
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

    protected override DbSet<RiskSettings> Rows(MallDbContext db) => db.RiskSettings;

    protected override RiskSettings Defaults() => RiskSettings.Defaults();
}

public sealed record ShopRiskLimitRow(int ShopId, string ShopName, Money? HoldAbove);
