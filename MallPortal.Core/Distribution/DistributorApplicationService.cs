using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using MallPortal.Core.Notifications;
using MallPortal.Core.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>成为分销员: apply (with an invite code where the platform asks for one); the admin approves (role + place in the tree) or rejects.</summary>
public sealed class DistributorApplicationService(IDbContextFactory<MallDbContext> contexts, IFileStore files, DistributionSettingsStore settings,
    NotificationService notifications, BusinessTimeZone timeZone, TimeProvider clock)
{
    public const long MaxDocumentBytes = 5 * 1024 * 1024;

    public const int MaxDocuments = 2;

    public async Task<int> SubmitAsync(Actor actor, DistributorApplicationInput input, IReadOnlyList<byte[]> documents, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Distributors.AnyAsync(d => d.UserId == actor.UserId, cancellationToken))
        {
            throw new DomainException(CoreText.AlreadyDistributor);
        }
        if (await db.DistributorApplications.AnyAsync(a => a.ApplicantUserId == actor.UserId && a.Status == ApplicationStatus.Pending, cancellationToken))
        {
            throw new DomainException(CoreText.DistributorApplicationPending);
        }
        var inviter = await InviterAsync(db, actor, input.InviteCode, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(timeZone.ToLocal(now));
        if (documents.Count > MaxDocuments)
        {
            throw new DomainException(string.Format(CoreText.DocumentsLimit, MaxDocuments, MaxDocumentBytes / 1024 / 1024), "Documents");
        }
        var scans = documents.Select(d => ImageCheck.ToJpeg(d, MaxDocumentBytes, 1600, "Documents")).ToList();
        var paths = scans.Select(_ => $"private/distributor-documents/{actor.UserId}-{Guid.NewGuid():N}.jpg").ToList();
        var application = DistributorApplication.Submit(actor.UserId, input, inviter?.Id, paths, now, today);
        for (var i = 0; i < scans.Count; i++)
        {
            await files.SaveAsync(paths[i], scans[i], cancellationToken);
        }
        db.DistributorApplications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return application.Id;
    }

    /// <summary>Who an invite code names, checked as the applicant types it; null without a code (where the platform allows that).</summary>
    public async Task<InviterCard?> CheckInviteAsync(Actor actor, string? inviteCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var inviter = await InviterAsync(db, actor, inviteCode, cancellationToken);
        return inviter is null ? null : new InviterCard(inviter.InviteCode, inviter.Name);
    }

    private async Task<Distributor?> InviterAsync(MallDbContext db, Actor actor, string? inviteCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(inviteCode))
        {
            return (await settings.GetAsync(cancellationToken)).ApplyPolicy == ApplyPolicy.InvitedOnly
                ? throw new DomainException(CoreText.InviteRequired, "InviteCode")
                : null;
        }
        var inviter = ShortCodes.TryNormalize(inviteCode, ShortCodes.InviteLength, out var code)
            ? await db.Distributors.AsNoTracking().SingleOrDefaultAsync(d => d.InviteCode == code, cancellationToken)
            : null;
        if (inviter is null)
        {
            throw new DomainException(CoreText.InviteCodeUnknown, "InviteCode");
        }
        if (!inviter.IsActive)
        {
            throw new DomainException(CoreText.InviterSuspended, "InviteCode");
        }
        if (inviter.UserId == actor.UserId)
        {
            throw new DomainException(CoreText.HierarchySelf, "InviteCode");
        }
        if (inviter.Depth >= DistributionSettings.HardMaxDepth)
        {
            throw new DomainException(string.Format(CoreText.InviterTooDeep, DistributionSettings.HardMaxDepth), "InviteCode");
        }
        return inviter;
    }

    /// <summary>Approves: the Distributor role, an invite code and a place under the inviter (or at the root), in one transaction.</summary>
    public async Task<int> ApproveAsync(Actor actor, int applicationId, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.DistributorApplications.SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken)
            ?? throw new DomainException(CoreText.ApplicationNotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        application.Approve(actor.UserId, now);
        var inviter = application.InviterId is { } id ? await db.Distributors.SingleAsync(d => d.Id == id, cancellationToken) : null;
        // An inviter suspended (or grown full) since the application was made places the newcomer at the root instead.
        var parent = inviter is { IsActive: true, Depth: < DistributionSettings.HardMaxDepth } ? inviter : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var distributor = Distributor.Join(application, await NewInviteCodeAsync(db, cancellationToken), now);
        db.Distributors.Add(distributor);
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.Distributor, cancellationToken);
        if (!await db.UserRoles.AnyAsync(r => r.UserId == application.ApplicantUserId && r.RoleId == role.Id, cancellationToken))
        {
            db.UserRoles.Add(new IdentityUserRole<int> { UserId = application.ApplicantUserId, RoleId = role.Id });
        }
        await db.SaveChangesAsync(cancellationToken);
        distributor.PlaceUnder(parent);
        db.DistributionAudits.Add(DistributionAudit.Tree(AuditKind.Joined, distributor.Id, null, parent?.Id, actor.UserId,
            parent is null ? "审核通过，顶级分销员" : $"审核通过，邀请人 {parent.Name}", now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // As with merchants: the security stamp stays, the cookie picks up the role at its next check, nobody is signed out.
        await notifications.NotifyAsync(application.ApplicantUserId, NotificationTemplates.DistributorApproved,
            new Dictionary<string, string> { ["code"] = distributor.InviteCode }, "/distributor", cancellationToken);
        return distributor.Id;
    }

    public async Task RejectAsync(Actor actor, int applicationId, string? reason, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await db.DistributorApplications.SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken)
            ?? throw new DomainException(CoreText.ApplicationNotFound);
        application.Reject(actor.UserId, reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.NotifyAsync(application.ApplicantUserId, NotificationTemplates.DistributorRejected,
            new Dictionary<string, string> { ["reason"] = application.RejectReason! }, "/account/become-distributor", cancellationToken);
    }

    /// <summary>One of an application's private documents, only for admins.</summary>
    public async Task<Stream?> OpenDocumentAsync(Actor actor, int applicationId, int index, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var paths = await db.DistributorApplications.Where(a => a.Id == applicationId).Select(a => a.DocumentPaths).SingleOrDefaultAsync(cancellationToken);
        var list = (paths ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);
        return index >= 0 && index < list.Length ? await files.OpenReadAsync(list[index], cancellationToken) : null;
    }

    private static async Task<string> NewInviteCodeAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = ShortCodes.New(ShortCodes.InviteLength);
            if (!await db.Distributors.AnyAsync(d => d.InviteCode == code, cancellationToken))
            {
                return code;
            }
        }
    }
}

public sealed record InviterCard(string InviteCode, string Name);
