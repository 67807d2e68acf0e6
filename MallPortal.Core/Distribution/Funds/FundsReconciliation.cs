using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders.Settlement;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Funds;

/// <summary>
/// 资金对账: for the orders paid in a period, what was received equals the merchants' receivables plus the commissions
/// plus the platform's fees plus the refunds, order by order, from four independent records (the orders, the settlement
/// ledger, the commission ledger, the refunds); and every stored balance equals the sum of its ledger.
/// </summary>
public sealed class FundsReconciliation(IDbContextFactory<MallDbContext> contexts, CommissionReconciliation commissions, NotificationService notifications,
    BusinessTimeZone zone)
{
    public async Task<FundsReport> RunAsync(Actor actor, Period period, CancellationToken cancellationToken = default)
    {
        actor.Require(Roles.Admin);
        return await CheckAsync(period, cancellationToken);
    }

    /// <summary>The nightly run: yesterday's business-local day and every balance; any difference reaches every admin's inbox.</summary>
    public async Task<FundsReport> NightlyAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var yesterday = DateOnly.FromDateTime(zone.ToLocal(now)).AddDays(-1);
        var report = await CheckAsync(Period.Days(zone, yesterday, yesterday), cancellationToken);
        if (!report.Balanced)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var admins = await AdminLookup.Ids(db).ToListAsync(cancellationToken);
            await notifications.NotifyManyAsync(admins, NotificationTemplates.FundsDifference, new Dictionary<string, string>
            {
                ["day"] = yesterday.ToString("yyyy-MM-dd"), ["orders"] = report.Differences.Count.ToString(), ["balances"] = report.Balances.Count.ToString(),
            }, "/admin/reconciliation/funds", cancellationToken);
        }
        return report;
    }

    private async Task<FundsReport> CheckAsync(Period period, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await OrdersAsync(db, period, cancellationToken);
        var balances = (await commissions.DifferencesAsync(cancellationToken))
            .Select(d => new LedgerDifference(LedgerKind.Distributor, d.DistributorId, d.Name, d.Bucket.ToString(), d.StoredFen, d.LedgerFen)).ToList();
        balances.AddRange(await ShopDifferencesAsync(db, cancellationToken));
        return new FundsReport(period, rows, balances);
    }

    private static async Task<IReadOnlyList<FundsRow>> OrdersAsync(MallDbContext db, Period period, CancellationToken cancellationToken)
    {
        var paid = db.Orders.Where(o => o.PaidAt >= period.From && o.PaidAt < period.To);
        var sums = await paid.OrderBy(o => o.PaidAt).Select(o => new
        {
            o.Id, o.Number, o.ShopId, o.TotalFen, o.PaidAt,
            Receivable = db.SettlementEntries.Where(e => e.OrderId == o.Id && (e.From == null || e.To == null) && e.From != e.To)
                .Sum(e => (long?)(e.From == null ? e.AmountFen : -e.AmountFen)) ?? 0,
            Fees = (db.SettlementEntries.Where(e => e.OrderId == o.Id && e.Kind == SettlementEntryKind.ServiceFee).Sum(e => (long?)e.AmountFen) ?? 0)
                   - (db.SettlementEntries.Where(e => e.OrderId == o.Id && e.Kind == SettlementEntryKind.ServiceFeeReturned).Sum(e => (long?)e.AmountFen) ?? 0),
            Commissions = db.Commissions.Where(c => c.OrderId == o.Id).Sum(c => (long?)(c.AmountFen - c.ReversedFen)) ?? 0,
        }).ToListAsync(cancellationToken);
        var ids = sums.Select(s => s.Id).ToList();
        // Refund amounts are Money columns (summed here, not in SQL); they come from the refunds themselves, not a ledger.
        var refunds = (await db.Refunds.Where(r => ids.Contains(r.OrderId) && r.Status == Orders.RefundStatus.Refunded)
                .Select(r => new { r.OrderId, r.Amount }).ToListAsync(cancellationToken))
            .GroupBy(r => r.OrderId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount.Fen));
        return sums.Select(s => new FundsRow(s.Number, s.ShopId, s.PaidAt!.Value, s.TotalFen, s.Receivable, s.Commissions, s.Fees,
            refunds.GetValueOrDefault(s.Id))).ToList();
    }

    private static async Task<IReadOnlyList<LedgerDifference>> ShopDifferencesAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        var moves = await db.SettlementEntries.GroupBy(e => new { e.ShopId, e.From, e.To })
            .Select(g => new { g.Key.ShopId, g.Key.From, g.Key.To, Fen = g.Sum(e => e.AmountFen) }).ToListAsync(cancellationToken);
        var accounts = await (from a in db.ShopAccounts join s in db.Shops on a.ShopId equals s.Id
                              select new { a.ShopId, s.Name, a.PendingFen, a.WithdrawableFen, a.WithdrawingFen, a.WithdrawnFen }).ToListAsync(cancellationToken);
        var differences = new List<LedgerDifference>();
        foreach (var a in accounts)
        {
            long Sum(SettlementBucket b) => moves.Where(m => m.ShopId == a.ShopId && m.To == b).Sum(m => m.Fen) - moves.Where(m => m.ShopId == a.ShopId && m.From == b).Sum(m => m.Fen);
            foreach (var (bucket, stored) in new[] { (SettlementBucket.Pending, a.PendingFen), (SettlementBucket.Withdrawable, a.WithdrawableFen),
                         (SettlementBucket.Withdrawing, a.WithdrawingFen), (SettlementBucket.Withdrawn, a.WithdrawnFen) })
            {
                if (Sum(bucket) != stored)
                {
                    differences.Add(new LedgerDifference(LedgerKind.Shop, a.ShopId, a.Name, bucket.ToString(), stored, Sum(bucket)));
                }
            }
        }
        return differences;
    }
}

public enum LedgerKind
{
    Distributor,
    Shop,
}

/// <summary>One paid order: received = receivable + commissions + fees + refunds, or a difference.</summary>
public sealed record FundsRow(string OrderNumber, int ShopId, DateTime PaidAt, long PaidFen, long ReceivableFen, long CommissionFen, long FeeFen, long RefundFen)
{
    public long DifferenceFen => PaidFen - ReceivableFen - CommissionFen - FeeFen - RefundFen;
}

public sealed record LedgerDifference(LedgerKind Kind, int OwnerId, string Name, string Bucket, long StoredFen, long LedgerFen);

public sealed record FundsReport(Period Period, IReadOnlyList<FundsRow> Orders, IReadOnlyList<LedgerDifference> Balances)
{
    public IReadOnlyList<FundsRow> Differences => Orders.Where(o => o.DifferenceFen != 0).ToList();

    public bool Balanced => Differences.Count == 0 && Balances.Count == 0;

    public long Total(Func<FundsRow, long> figure) => Orders.Sum(figure);
}
