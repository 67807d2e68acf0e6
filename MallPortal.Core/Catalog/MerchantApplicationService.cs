using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using MallPortal.Core.Notifications;
using MallPortal.Core.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Catalog;

/// <summary>商家入驻: a user applies with a licence scan; the admin approves (shop + Merchant role) or rejects.</summary>
public sealed class MerchantApplicationService(
    IDbContextFactory<MallDbContext> contexts, IFileStore files,
    NotificationService notifications, TimeProvider clock)
{
    public const long MaxLicenceBytes = 5 * 1024 * 1024;

    public async Task<int> SubmitAsync(Actor actor, MerchantApplicationInput input, byte[]? licence, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Shops.AnyAsync(s => s.OwnerUserId == actor.UserId, cancellationToken)
            || await db.MerchantApplications.AnyAsync(a => a.ApplicantUserId == actor.UserId && a.Status == ApplicationStatus.Pending, cancellationToken))
        {
            throw new DomainException(CoreText.ApplicationExists);
        }
        var path = $"private/licences/{actor.UserId}-{Guid.NewGuid():N}.jpg";
        var application = MerchantApplication.Submit(actor.UserId, input, path, clock.GetUtcNow().UtcDateTime);
        if (licence is null || licence.Length == 0)
        {
            throw new DomainException(CoreText.LicenceRequired, "Licence");
        }
        var scan = ImageCheck.ToJpeg(licence, MaxLicenceBytes, 1600, "Licence");
        if (await db.Shops.AnyAsync(s => s.Name == application.ShopName, cancellationToken))
        {
            throw new DomainException(CoreText.ShopNameTaken, nameof(MerchantApplication.ShopName));
        }
        await files.SaveAsync(path, scan, cancellationToken);
        db.MerchantApplications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return application.Id;
    }

    /// <summary>Approves: the shop is created and the applicant becomes a Merchant, in one transaction.</summary>
    public async Task<int> ApproveAsync(Actor actor, int applicationId, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.MerchantApplications.SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken)
            ?? throw new DomainException(CoreText.ApplicationNotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        application.Approve(actor.UserId, now);
        var shop = new Shop(application.ApplicantUserId, application.ShopName, application.ContactPhone, now);
        db.Shops.Add(shop);
        var merchantRole = await db.Roles.SingleAsync(r => r.Name == Roles.Merchant, cancellationToken);
        db.UserRoles.Add(new IdentityUserRole<int> { UserId = application.ApplicantUserId, RoleId = merchantRole.Id });
        await db.SaveChangesAsync(cancellationToken);

        // The stamp stays: at its next check (Accounts:SessionCheckSeconds) the cookie is re-issued with the new role,
        // so the applicant is not signed out.
        await notifications.NotifyAsync(application.ApplicantUserId, NotificationTemplates.MerchantApproved,
            new Dictionary<string, string> { ["shop"] = shop.Name }, "/merchant", cancellationToken);
        return shop.Id;
    }

    public async Task RejectAsync(Actor actor, int applicationId, string? reason, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.MerchantApplications.SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken)
            ?? throw new DomainException(CoreText.ApplicationNotFound);
        application.Reject(actor.UserId, reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.NotifyAsync(application.ApplicantUserId, NotificationTemplates.MerchantRejected,
            new Dictionary<string, string> { ["shop"] = application.ShopName, ["reason"] = application.RejectReason! }, "/merchant/apply",
            cancellationToken);
    }

    /// <summary>The licence scan, only for admins (it is a private document).</summary>
    public async Task<Stream?> OpenLicenceAsync(Actor actor, int applicationId, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var path = await db.MerchantApplications.Where(a => a.Id == applicationId).Select(a => a.LicensePath).SingleOrDefaultAsync(cancellationToken);
        return path is null ? null : await files.OpenReadAsync(path, cancellationToken);
    }
}
