using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>A merchant's commission policy for its own shop (the only one it can read or change).</summary>
public sealed class CommissionPolicyService(IDbContextFactory<MallDbContext> contexts, DistributionSettingsStore settingsStore, TimeProvider clock)
{
    public async Task<CommissionPolicyView> GetMineAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        var settings = await settingsStore.GetAsync(cancellationToken);
        var policy = await db.CommissionPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.ShopId == shopId, cancellationToken);
        return new CommissionPolicyView((policy ?? CommissionPolicy.For(shopId)).ToInput(), settings.MaxDepth, settings.CommissionCap, policy?.UpdatedAt);
    }

    /// <summary>
    /// Applies to payments from now on; paid orders keep the rates on their entries. Saved over a newer version (someone
    /// else saved meanwhile) is refused, so neither person's change is lost silently.
    /// </summary>
    public async Task SaveAsync(Actor actor, CommissionPolicyInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        var settings = await settingsStore.GetAsync(cancellationToken);
        var policy = await db.CommissionPolicies.SingleOrDefaultAsync(p => p.ShopId == shopId, cancellationToken);
        if (policy is null)
        {
            policy = CommissionPolicy.For(shopId);
            db.CommissionPolicies.Add(policy);
        }
        if (policy.Version != input.Version)
        {
            throw new DomainException(CoreText.CommissionPolicyChangedMeanwhile);
        }
        policy.Change(input, settings.MaxDepth, settings.CommissionCap, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(CoreText.CommissionPolicyChangedMeanwhile);
        }
    }
}

public sealed record CommissionPolicyView(CommissionPolicyInput Policy, int MaxLevels, BasisPoints Cap, DateTime? UpdatedAt);
