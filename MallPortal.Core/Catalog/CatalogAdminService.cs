using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Catalog;

/// <summary>What the platform admin keeps: the category tree, the brands, and the queue of shop applications.</summary>
public sealed class CatalogAdminService(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<int> AddCategoryAsync(Actor actor, string? name, int? parentId, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parent = parentId is { } id
            ? await db.Categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new DomainException(CoreText.CategoryNotFound, "Parent")
            : null;
        var category = new Category(name ?? "", parent, await db.Categories.CountAsync(c => c.ParentId == parentId, cancellationToken));
        if (await db.Categories.AnyAsync(c => c.ParentId == parentId && c.Name == category.Name, cancellationToken))
        {
            throw new DomainException(CoreText.CategoryNameTaken, nameof(Category.Name));
        }
        db.Categories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        return category.Id;
    }

    public async Task RenameCategoryAsync(Actor actor, int categoryId, string? name, bool isVisible, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == categoryId, cancellationToken)
            ?? throw new DomainException(CoreText.CategoryNotFound);
        category.Rename(name);
        category.Arrange(category.SortOrder, isVisible);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> AddBrandAsync(Actor actor, string? name, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var brand = new Brand(name, null, await db.Brands.CountAsync(cancellationToken));
        if (await db.Brands.AnyAsync(b => b.Name == brand.Name, cancellationToken))
        {
            throw new DomainException(CoreText.BrandNameTaken, nameof(Brand.Name));
        }
        db.Brands.Add(brand);
        await db.SaveChangesAsync(cancellationToken);
        return brand.Id;
    }

    public async Task<IReadOnlyList<ApplicationRow>> ListApplicationsAsync(Actor actor, ApplicationStatus? status, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MerchantApplications.AsNoTracking().Where(a => status == null || a.Status == status)
            .OrderByDescending(a => a.Id).Take(200)
            .Select(a => new ApplicationRow(a.Id, a.ShopName, a.ContactName, a.ContactPhone, a.CreditCode, a.Status, a.RejectReason, a.SubmittedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The applicant's own latest application (the apply page shows its state).</summary>
    public async Task<ApplicationRow?> MyApplicationAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MerchantApplications.AsNoTracking().Where(a => a.ApplicantUserId == actor.UserId).OrderByDescending(a => a.Id)
            .Select(a => new ApplicationRow(a.Id, a.ShopName, a.ContactName, a.ContactPhone, a.CreditCode, a.Status, a.RejectReason, a.SubmittedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }
}

public sealed record ApplicationRow(
    int Id, string ShopName, string ContactName, string ContactPhone, string CreditCode, ApplicationStatus Status, string? RejectReason, DateTime SubmittedAt);
