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

    /// <summary>The shop's per-product overrides, by product title.</summary>
    public async Task<IReadOnlyList<ProductRuleRow>> ProductRulesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        return await (from r in db.ProductCommissionRules
                      join p in db.Products on r.ProductId equals p.Id
                      where r.ShopId == shopId
                      orderby p.Title
                      select new ProductRuleRow(r.ProductId, p.Title, r.Mode, r.Level1, r.Level2, r.Level3)).ToListAsync(cancellationToken);
    }

    /// <summary>Sets (or replaces) one of the shop's own products' override; another shop's product is "not found".</summary>
    public async Task SaveProductRuleAsync(Actor actor, ProductRuleInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        if (!await db.Products.AnyAsync(p => p.Id == input.ProductId && p.ShopId == shopId, cancellationToken))
        {
            throw new DomainException(CoreText.ProductNotYours, "ProductId");
        }
        var settings = await settingsStore.GetAsync(cancellationToken);
        var rule = await db.ProductCommissionRules.SingleOrDefaultAsync(r => r.ProductId == input.ProductId, cancellationToken);
        if (rule is null)
        {
            rule = ProductCommissionRule.For(shopId, input.ProductId);
            db.ProductCommissionRules.Add(rule);
        }
        rule.Change(input, settings.MaxDepth, settings.CommissionCap, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The shop's products to choose from for an override (newest first).</summary>
    public async Task<IReadOnlyList<(int Id, string Title)>> ProductChoicesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        var products = await db.Products.Where(p => p.ShopId == shopId).OrderByDescending(p => p.Id).Take(500).Select(p => new { p.Id, p.Title })
            .ToListAsync(cancellationToken);
        return products.Select(p => (p.Id, p.Title)).ToList();
    }

    public async Task RemoveProductRuleAsync(Actor actor, int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await Catalog.ProductService.ShopOfAsync(db, actor, cancellationToken);
        await db.ProductCommissionRules.Where(r => r.ProductId == productId && r.ShopId == shopId).ExecuteDeleteAsync(cancellationToken);
    }
}

public sealed record ProductRuleRow(int ProductId, string Title, ProductRuleMode Mode, long Level1, long Level2, long Level3);

public sealed record CommissionPolicyView(CommissionPolicyInput Policy, int MaxLevels, BasisPoints Cap, DateTime? UpdatedAt);
