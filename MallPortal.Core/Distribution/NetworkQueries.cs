using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>The admin's lists (applications, distributors, the tree, the audit log) and the applicant's own application.</summary>
public sealed class NetworkQueries(IDbContextFactory<MallDbContext> contexts)
{
    /// <summary>The review queue: the admin reviews, so the ID number is shown whole here and nowhere else.</summary>
    public async Task<IReadOnlyList<DistributorApplicationRow>> ApplicationsAsync(Actor actor, ApplicationStatus? status, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DistributorApplications.AsNoTracking().Where(a => status == null || a.Status == status).OrderByDescending(a => a.Id).Take(200)
            .Select(a => new { a, Inviter = db.Distributors.Where(d => d.Id == a.InviterId).Select(d => d.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => Row(r.a, r.a.IdNumber, r.Inviter)).ToList();
    }

    /// <summary>The applicant's own latest application, ID number masked.</summary>
    public async Task<DistributorApplicationRow?> MineAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var a = await db.DistributorApplications.AsNoTracking().Where(a => a.ApplicantUserId == actor.UserId).OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return a is null ? null : Row(a, a.IdNumber is null ? null : ResidentIdNumber.Mask(a.IdNumber), null);
    }

    public async Task<Page<DistributorRow>> DistributorsAsync(Actor actor, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Distributors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(d => d.Name.Contains(text) || d.Mobile.Contains(text) || d.InviteCode == text.ToUpper());
        }
        var rows = await Rows(db, query.OrderByDescending(d => d.JoinedAt).ThenByDescending(d => d.Id).Skip(page * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new Page<DistributorRow>(rows, await query.CountAsync(cancellationToken));
    }

    public async Task<DistributorRow?> DistributorAsync(Actor actor, int distributorId, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Rows(db, db.Distributors.AsNoTracking().Where(d => d.Id == distributorId)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>One level of the tree: the roots (parent null) or a distributor's direct members, each with its member count.</summary>
    public async Task<IReadOnlyList<DistributorRow>> ChildrenAsync(Actor actor, int? parentId, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Rows(db, db.Distributors.AsNoTracking().Where(d => d.ParentId == parentId).OrderBy(d => d.Id).Take(500)).ToListAsync(cancellationToken);
    }

    public async Task<Page<AuditRow>> AuditAsync(Actor actor, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DistributionAudits.AsNoTracking().OrderByDescending(a => a.Id).Skip(page * pageSize).Take(pageSize)
            .Select(a => new AuditRow(a.Id, a.Kind, a.At,
                db.Users.Where(u => u.Id == a.CustomerUserId).Select(u => u.Nickname).FirstOrDefault(),
                db.Distributors.Where(d => d.Id == a.SubjectDistributorId).Select(d => d.Name).FirstOrDefault(),
                db.Distributors.Where(d => d.Id == a.OldDistributorId).Select(d => d.Name).FirstOrDefault(),
                db.Distributors.Where(d => d.Id == a.NewDistributorId).Select(d => d.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.Nickname).FirstOrDefault(), a.Reason))
            .ToListAsync(cancellationToken);
        return new Page<AuditRow>(rows, await db.DistributionAudits.CountAsync(cancellationToken));
    }

    private static IQueryable<DistributorRow> Rows(MallDbContext db, IQueryable<Distributor> query) =>
        query.Select(d => new DistributorRow(d.Id, d.Name, d.Mobile, d.InviteCode, d.Region, d.Depth, d.Status, d.SuspendReason, d.JoinedAt,
            db.Distributors.Where(p => p.Id == d.ParentId).Select(p => p.Name).FirstOrDefault(),
            db.Distributors.Count(c => c.ParentId == d.Id),
            db.Distributors.Count(c => c.Path.StartsWith(d.Path)) - 1));

    private static DistributorApplicationRow Row(DistributorApplication a, string? idNumber, string? inviter) =>
        new(a.Id, a.Kind, a.RealName, idNumber, a.CompanyName, a.CreditCode, a.Mobile, a.Region, a.Reason, a.Documents.Count, inviter,
            a.Status, a.RejectReason, a.SubmittedAt);
}

public sealed record DistributorApplicationRow(int Id, ApplicantKind Kind, string RealName, string? IdNumber, string? CompanyName, string? CreditCode,
    string Mobile, string Region, string Reason, int DocumentCount, string? InviterName, ApplicationStatus Status, string? RejectReason, DateTime SubmittedAt);

public sealed record DistributorRow(int Id, string Name, string Mobile, string InviteCode, string Region, int Depth, DistributorStatus Status,
    string? SuspendReason, DateTime JoinedAt, string? ParentName, int DirectMembers, int TeamSize);

public sealed record AuditRow(long Id, AuditKind Kind, DateTime At, string? Customer, string? Subject, string? OldName, string? NewName, string? Actor,
    string Reason);
