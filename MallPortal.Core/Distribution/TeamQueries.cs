using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>A distributor's downline (only its own) and performance records, paged and summed in SQL.</summary>
public sealed class TeamQueries(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<Page<TeamMemberRow>> TeamAsync(Actor actor, TeamFilter filter, Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await DistributorLookup.OwnAsync(db, actor, cancellationToken);
        var members = db.Distributors.Where(d => d.Path.StartsWith(me.Path) && d.Id != me.Id);
        if (filter.Level is { } level)
        {
            members = members.Where(d => d.Depth == me.Depth + level);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            members = members.Where(d => d.Name.Contains(text) || d.Mobile.Contains(text) || d.InviteCode == text.ToUpper());
        }
        var paid = FunnelQueries.Paid(db.OrderAttributions);
        // The page first, then its figures: with the per-member subqueries in the paged query, SQLite computes them for every
        // member before sorting (the whole team of a large downline), not for the page only.
        var ids = await members.OrderByDescending(d => d.JoinedAt).ThenByDescending(d => d.Id).Skip(filter.Page * filter.PageSize).Take(filter.PageSize)
            .Select(d => d.Id).ToListAsync(cancellationToken);
        var rows = (await db.Distributors.Where(d => ids.Contains(d.Id))
            .Select(d => new
            {
                d.Id, d.Name, d.Mobile, Level = d.Depth - me.Depth, d.JoinedAt, d.Status,
                Orders = db.OrderAttributions.Count(a => a.DistributorId == d.Id && a.AttributedAt >= period.From && a.AttributedAt < period.To),
                Sales = paid.Where(a => a.DistributorId == d.Id && a.AttributedAt >= period.From && a.AttributedAt < period.To)
                    .Sum(a => (long?)a.Order.TotalFen) ?? 0,
                Customers = db.OrderAttributions.Where(a => a.DistributorId == d.Id && a.AttributedAt >= period.From && a.AttributedAt < period.To)
                    .Select(a => a.Order.BuyerUserId).Distinct().Count(),
            }).ToListAsync(cancellationToken)).OrderBy(r => ids.IndexOf(r.Id)).ToList();
        return new Page<TeamMemberRow>(rows.Select(r => new TeamMemberRow(r.Id, r.Name, MaskMobile(r.Mobile), r.Level, r.JoinedAt, r.Status, r.Orders,
            new Money(r.Sales), r.Customers)).ToList(), await members.CountAsync(cancellationToken));
    }

    /// <summary>How many members the distributor has at each level below it (1 = invited directly).</summary>
    public async Task<TeamSummary> SummaryAsync(Actor actor, Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await DistributorLookup.OwnAsync(db, actor, cancellationToken);
        var team = db.Distributors.Where(d => d.Path.StartsWith(me.Path) && d.Id != me.Id);
        var levels = await team.GroupBy(d => d.Depth - me.Depth).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var sales = await (from a in FunnelQueries.Paid(db.OrderAttributions)
                           join d in team on a.DistributorId equals d.Id
                           where a.AttributedAt >= period.From && a.AttributedAt < period.To
                           select (long?)a.Order.TotalFen).SumAsync(cancellationToken) ?? 0;
        return new TeamSummary(levels, new Money(sales));
    }

    /// <summary>The performance record of one distributor: itself, or (for the admin) anyone.</summary>
    public async Task<Performance> PerformanceAsync(Actor actor, int? distributorId, Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = distributorId is { } asked && actor.IsInRole(Roles.Admin) ? asked : (await DistributorLookup.OwnAsync(db, actor, cancellationToken)).Id;
        var attributed = db.OrderAttributions.Where(a => a.DistributorId == id && a.AttributedAt >= period.From && a.AttributedAt < period.To);
        var paid = FunnelQueries.Paid(attributed);
        var lines = await paid.SelectMany(a => a.Order.Lines).Select(l => new { l.ProductId, l.Title, l.Quantity, l.Amount }).ToListAsync(cancellationToken);
        var mix = lines.GroupBy(l => l.ProductId).Select(g => new ProductMixRow(g.Key, g.First().Title, g.Sum(l => l.Quantity), new Money(g.Sum(l => l.Amount.Fen))))
            .OrderByDescending(m => m.Amount.Fen).Take(10).ToList();
        return new Performance(await attributed.CountAsync(cancellationToken), new Money(await paid.SumAsync(a => (long?)a.Order.TotalFen, cancellationToken) ?? 0),
            await attributed.Select(a => a.Order.BuyerUserId).Distinct().CountAsync(cancellationToken), mix);
    }

    public static string MaskMobile(string mobile) => mobile.Length == 11 ? mobile[..3] + "****" + mobile[7..] : mobile;
}

public sealed record TeamFilter(int? Level, string? Search, int Page, int PageSize);

public sealed record TeamMemberRow(int Id, string Name, string Mobile, int Level, DateTime JoinedAt, DistributorStatus Status, int Orders, Money Sales,
    int Customers);

public sealed record TeamSummary(IReadOnlyDictionary<int, int> MembersByLevel, Money Sales)
{
    public int Members => MembersByLevel.Values.Sum();
}

public sealed record Performance(int Orders, Money Sales, int Customers, IReadOnlyList<ProductMixRow> ProductMix);

public sealed record ProductMixRow(int ProductId, string Title, int Quantity, Money Amount);
