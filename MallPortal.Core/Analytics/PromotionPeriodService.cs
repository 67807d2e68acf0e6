using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics;

/// <summary>Merchants name their shop's promotion periods, the admin the platform's; each sees its own and the platform's.</summary>
public sealed class PromotionPeriodService(IDbContextFactory<MallDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<PromotionPeriodRow>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await OwnShopAsync(db, actor, cancellationToken);
        return await db.PromotionPeriods.Where(p => p.ShopId == null || p.ShopId == shopId)
            .OrderByDescending(p => p.From).ThenBy(p => p.Name)
            .Select(p => new PromotionPeriodRow(p.Id, p.Name, p.From, p.To, p.ShopId == null))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> AddAsync(Actor actor, PromotionPeriodInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await OwnShopAsync(db, actor, cancellationToken);
        var period = new PromotionPeriod(shopId, input.Name, input.From, input.To, clock.GetUtcNow().UtcDateTime);
        if (await db.PromotionPeriods.AnyAsync(p => p.ShopId == shopId && p.Name == period.Name, cancellationToken))
        {
            throw new DomainException(CoreText.PromotionNameTaken, nameof(PromotionPeriodInput.Name));
        }
        db.PromotionPeriods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        return period.Id;
    }

    /// <summary>Removes one of the actor's own periods; the platform's are removed only by the admin.</summary>
    public async Task DeleteAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await OwnShopAsync(db, actor, cancellationToken);
        var removed = await db.PromotionPeriods.Where(p => p.Id == id && p.ShopId == shopId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw new DomainException(CoreText.PromotionNotFound);
        }
    }

    /// <summary>The admin acts for the platform (no shop), a merchant for its shop.</summary>
    private static async Task<int?> OwnShopAsync(MallDbContext db, Actor actor, CancellationToken cancellationToken) =>
        actor.IsInRole(Roles.Admin) ? null : await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
}

public sealed record PromotionPeriodInput(string? Name, DateOnly? From, DateOnly? To);

public sealed record PromotionPeriodRow(int Id, string Name, DateOnly From, DateOnly To, bool Platform)
{
    public DateRange Range => new(From, To);
}
