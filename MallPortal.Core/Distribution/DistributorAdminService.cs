using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>The admin's hand on the network: suspend and restore, move a distributor (with its team) under another parent.</summary>
public sealed class DistributorAdminService(IDbContextFactory<MallDbContext> contexts, PromotionService promotion, TimeProvider clock)
{
    public async Task SuspendAsync(Actor actor, int distributorId, string? reason, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(actor, distributorId, d => d.Suspend(reason), cancellationToken);
    }

    public async Task RestoreAsync(Actor actor, int distributorId, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(actor, distributorId, d => d.Restore(), cancellationToken);
    }

    /// <summary>Moves a distributor and its whole team under another parent (null: to the root), in one transaction.</summary>
    public async Task MoveAsync(Actor actor, int distributorId, string? newParentInviteCode, string? reason, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 200)
        {
            throw new DomainException(CoreText.ReasonRequired, "Reason");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subject = await db.Distributors.SingleOrDefaultAsync(d => d.Id == distributorId, cancellationToken)
            ?? throw new DomainException(CoreText.DistributorNotFound);
        Distributor? parent = null;
        if (!string.IsNullOrWhiteSpace(newParentInviteCode))
        {
            parent = ShortCodes.TryNormalize(newParentInviteCode, ShortCodes.InviteLength, out var code)
                ? await db.Distributors.SingleOrDefaultAsync(d => d.InviteCode == code, cancellationToken)
                : null;
            if (parent is null)
            {
                throw new DomainException(CoreText.InviteCodeUnknown, "ParentId");
            }
        }
        if (parent?.Id == subject.ParentId)
        {
            throw new DomainException(CoreText.HierarchySameParent, "ParentId");
        }
        var oldPath = subject.Path;
        var deepest = await db.Distributors.Where(d => d.Path.StartsWith(oldPath)).MaxAsync(d => d.Depth, cancellationToken);
        HierarchyPolicy.CheckMove(subject.Id, oldPath, subject.Depth, deepest, parent?.Id, parent?.Path, parent?.Depth ?? 0, DistributionSettings.HardMaxDepth);
        var oldParentId = subject.ParentId;
        var depthShift = (parent?.Depth ?? 0) + 1 - subject.Depth;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        subject.PlaceUnder(parent);
        var newPath = subject.Path;
        db.DistributionAudits.Add(DistributionAudit.Tree(AuditKind.ParentMoved, subject.Id, oldParentId, parent?.Id, actor.UserId, reason.Trim(),
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        // The team moves with it: every path below the old one gets the new prefix.
        await db.Distributors.Where(d => d.Path.StartsWith(oldPath) && d.Id != subject.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Path, d => newPath + d.Path.Substring(oldPath.Length))
                .SetProperty(d => d.Depth, d => d.Depth + depthShift).SetProperty(d => d.Version, d => d.Version + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ChangeAsync(Actor actor, int distributorId, Action<Distributor> change, CancellationToken cancellationToken)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var distributor = await db.Distributors.SingleOrDefaultAsync(d => d.Id == distributorId, cancellationToken)
            ?? throw new DomainException(CoreText.DistributorNotFound);
        change(distributor);
        await db.SaveChangesAsync(cancellationToken);
        promotion.ForgetRoutes();
    }
}
