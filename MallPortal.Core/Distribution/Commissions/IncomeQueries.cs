using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// A distributor's own income: balances, the commission ledger with its rules, monthly totals. Nobody else's, except for the
/// admin, who names the distributor (<c>distributorId</c>) to review a withdrawal.
/// </summary>
public sealed class IncomeQueries(IDbContextFactory<MallDbContext> contexts, BusinessTimeZone zone, TimeProvider clock)
{
    public async Task<IncomeSummary> SummaryAsync(Actor actor, int? distributorId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await WhoseAsync(db, actor, distributorId, cancellationToken);
        return IncomeSummary.Of(me);
    }

    public async Task<Page<IncomeRow>> LedgerAsync(Actor actor, IncomeFilter filter, int page, int pageSize, int? distributorId = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await WhoseAsync(db, actor, distributorId, cancellationToken);
        var mine = db.Commissions.Where(c => c.DistributorId == me.Id);
        if (filter.LastDays is { } days)
        {
            var from = clock.GetUtcNow().UtcDateTime.AddDays(-days);
            mine = mine.Where(c => c.EstimatedAt >= from);
        }
        if (filter.Status is { } status)
        {
            mine = mine.Where(c => c.Status == status);
        }
        if (filter.Level is { } level)
        {
            mine = mine.Where(c => c.Level == level);
        }
        if (!string.IsNullOrWhiteSpace(filter.OrderNumber))
        {
            var number = filter.OrderNumber.Trim();
            mine = mine.Where(c => db.Orders.Any(o => o.Id == c.OrderId && o.Number == number));
        }
        var total = await mine.CountAsync(cancellationToken);
        var rows = await (from c in mine
                          join o in db.Orders on c.OrderId equals o.Id
                          join l in db.OrderLines on c.OrderLineId equals l.Id
                          orderby c.EstimatedAt descending, c.Id descending
                          select new IncomeRow(c.Id, o.Number, l.Title, l.Quantity, c.Level, c.BaseFen, c.RateBp, c.Capped, c.AmountFen, c.ReversedFen,
                              c.Status, c.EstimatedAt, c.SettleAfter, c.Hold, c.Risk, c.HoldNote))
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<IncomeRow>(rows, total);
    }

    /// <summary>Net commission (after reversals) earned per business-local month, the latest <paramref name="months"/> months.</summary>
    public async Task<IReadOnlyList<MonthlyIncome>> MonthlyAsync(Actor actor, int? distributorId = null, int months = 6, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await WhoseAsync(db, actor, distributorId, cancellationToken);
        var today = zone.ToLocal(clock.GetUtcNow().UtcDateTime);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        var from = zone.StartOfDayUtc(first);
        var earned = await db.Commissions.Where(c => c.DistributorId == me.Id && c.EstimatedAt >= from)
            .Select(c => new { c.EstimatedAt, Net = c.AmountFen - c.ReversedFen }).ToListAsync(cancellationToken);
        var byMonth = earned.GroupBy(e => { var local = zone.ToLocal(e.EstimatedAt); return new DateOnly(local.Year, local.Month, 1); })
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Fen: g.Sum(e => e.Net)));
        return Enumerable.Range(0, months).Select(i => first.AddMonths(i))
            .Select(m => new MonthlyIncome(m, byMonth.GetValueOrDefault(m).Count, new Money(byMonth.GetValueOrDefault(m).Fen))).Reverse().ToList();
    }

    private static async Task<Distributor> WhoseAsync(MallDbContext db, Actor actor, int? distributorId, CancellationToken cancellationToken)
    {
        if (distributorId is not { } id)
        {
            return await DistributorLookup.OwnAsync(db, actor, cancellationToken);
        }
        actor.Require(Accounts.Roles.Admin);
        return await db.Distributors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new DomainException(Resources.CoreText.NotAllowed);
    }
}

public sealed record IncomeFilter(int? LastDays = null, CommissionStatus? Status = null, int? Level = null, string? OrderNumber = null);

public sealed record IncomeRow(int Id, string OrderNumber, string Product, int Quantity, int Level, long BaseFen, int RateBp, bool Capped, long AmountFen,
    long ReversedFen, CommissionStatus Status, DateTime EstimatedAt, DateTime? SettleAfter, Risk.CommissionHold Hold = Risk.CommissionHold.None,
    Risk.CommissionRisk Risk = Risk.CommissionRisk.None, string? HoldNote = null)
{
    public Money Net => new(AmountFen - ReversedFen);
}

public sealed record MonthlyIncome(DateOnly Month, int Count, Money Net);

/// <summary>The five balances; a negative withdrawable balance shows as 待追回 (owed back) with 可提现 at zero.</summary>
public sealed record IncomeSummary(int DistributorId, Money Withdrawable, Money Frozen, Money Estimated, Money Withdrawing, Money Withdrawn, Money Owed)
{
    internal static IncomeSummary Of(Distributor d) => new(d.Id, new Money(Math.Max(0, d.WithdrawableFen)), new Money(d.FrozenFen), new Money(d.EstimatedFen),
        new Money(d.WithdrawingFen), new Money(d.WithdrawnFen), new Money(Math.Max(0, -d.WithdrawableFen)));
}
