using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Notifications;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Grades;

/// <summary>
/// The platform's grades (admin) and the upgrade job: a distributor whose own settled sales reach a higher grade's
/// threshold moves up, logged and told; nobody is moved down by the job (a change of thresholds never demotes silently).
/// </summary>
public sealed class GradeService(IDbContextFactory<MallDbContext> contexts, DistributionSettingsStore settingsStore, NotificationService notifications)
{
    public async Task<IReadOnlyList<GradeRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DistributorGrades.OrderBy(g => g.SettledSalesFen)
            .Select(g => new GradeRow(g.Id, g.Name, g.SettledSalesFen, g.Level1Bp, g.Level2Bp, g.Level3Bp, db.Distributors.Count(d => d.GradeId == g.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Creates a grade (id null) or changes one; names and thresholds are unique, rates within the cap.</summary>
    public async Task SaveAsync(Actor actor, int? id, GradeInput input, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cap = (await settingsStore.GetAsync(cancellationToken)).CommissionCap;
        if (id is { } existing)
        {
            var grade = await db.DistributorGrades.SingleOrDefaultAsync(g => g.Id == existing, cancellationToken) ?? throw new DomainException(CoreText.GradeNotFound);
            grade.Change(input, cap);
        }
        else
        {
            db.DistributorGrades.Add(DistributorGrade.Create(input, cap));
        }
        var name = (input.Name ?? "").Trim();
        if (await db.DistributorGrades.AnyAsync(g => g.Id != (id ?? 0) && (g.Name == name || g.SettledSalesFen == input.SettledSalesFen), cancellationToken))
        {
            throw new DomainException(CoreText.GradeTaken, nameof(GradeInput.Name));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Own settled sales: the paid amounts of the lines the distributor sold itself (level 1), settled and not refunded.</summary>
    private static IQueryable<Commission> OwnSettled(MallDbContext db) => db.Commissions.Where(c => c.Level == 1 && c.Status == CommissionStatus.Settled);

    /// <summary>Each distributor's own settled sales, the figure its grade is reached by.</summary>
    internal static async Task<Dictionary<int, long>> OwnSettledSalesAsync(MallDbContext db, CancellationToken cancellationToken) =>
        await OwnSettled(db).GroupBy(c => c.DistributorId).Select(g => new { g.Key, Fen = g.Sum(c => c.LinePaidFen) })
            .ToDictionaryAsync(s => s.Key, s => s.Fen, cancellationToken);

    /// <summary>The daily job: upgrades every distributor whose settled sales reached a higher grade; returns how many moved.</summary>
    public async Task<int> UpgradeAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grades = await db.DistributorGrades.AsNoTracking().OrderBy(g => g.SettledSalesFen).ToListAsync(cancellationToken);
        if (grades.Count == 0)
        {
            return 0;
        }
        var sales = await OwnSettledSalesAsync(db, cancellationToken);
        var distributors = await db.Distributors.Where(d => d.Status == DistributorStatus.Active).ToListAsync(cancellationToken);
        var moved = new List<(Distributor Who, DistributorGrade To)>();
        foreach (var d in distributors)
        {
            var own = sales.GetValueOrDefault(d.Id);
            var reached = grades.LastOrDefault(g => g.SettledSalesFen <= own);
            var current = grades.FirstOrDefault(g => g.Id == d.GradeId);
            if (reached is not null && reached.SettledSalesFen > (current?.SettledSalesFen ?? -1))
            {
                db.GradeChanges.Add(new GradeChange(d.Id, d.GradeId, reached.Id, own, now));
                d.Upgrade(reached.Id);
                moved.Add((d, reached));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (who, to) in moved)
        {
            await notifications.NotifyAsync(who.UserId, NotificationTemplates.GradeUpgraded, new Dictionary<string, string>
            {
                ["grade"] = to.Name, ["sales"] = new Money(sales.GetValueOrDefault(who.Id)).ToString(),
            }, "/distributor/income", cancellationToken);
        }
        return moved.Count;
    }

    /// <summary>The distributor's grade, its own settled sales, and the next grade with what is still missing.</summary>
    public async Task<GradeStanding> StandingAsync(Actor actor, int? distributorId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (distributorId is not null)
        {
            actor.Require(Roles.Admin);
        }
        var me = distributorId is null ? await DistributorLookup.OwnAsync(db, actor, cancellationToken)
            : await db.Distributors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == distributorId, cancellationToken) ?? throw new DomainException(CoreText.NotAllowed);
        var grades = await db.DistributorGrades.AsNoTracking().OrderBy(g => g.SettledSalesFen).ToListAsync(cancellationToken);
        var own = await OwnSettled(db).Where(c => c.DistributorId == me.Id).SumAsync(c => c.LinePaidFen, cancellationToken);
        var current = grades.FirstOrDefault(g => g.Id == me.GradeId);
        var next = grades.FirstOrDefault(g => g.SettledSalesFen > (current?.SettledSalesFen ?? -1) && g.Id != current?.Id);
        return new GradeStanding(current?.Name, new Money(own), next?.Name, next is null ? null : new Money(Math.Max(0, next.SettledSalesFen - own)));
    }
}

public sealed record GradeRow(int Id, string Name, long SettledSalesFen, int Level1Bp, int Level2Bp, int Level3Bp, int Members);

public sealed record GradeStanding(string? Grade, Money SettledSales, string? NextGrade, Money? Missing);
