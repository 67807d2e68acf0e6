using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>
/// For order lines: what was paid for each and how much of it has been refunded so far (every completed refund, the one
/// being committed included, since a step's orders are saved before its handlers run). Commissions and the merchant's
/// receivable reverse by this share.
/// </summary>
public static class LineRefunds
{
    public static async Task<IReadOnlyDictionary<int, (long PaidFen, long RefundedFen)>> OfAsync(MallDbContext db, IReadOnlyCollection<int> lineIds,
        CancellationToken cancellationToken)
    {
        var paid = await db.OrderLines.Where(l => lineIds.Contains(l.Id)).Select(l => new { l.Id, l.Amount }).ToListAsync(cancellationToken);
        // Refund amounts are Money columns: summed here, not in SQL.
        var refunded = (await (from line in db.Set<RefundLine>()
                               join r in db.Refunds on line.RefundId equals r.Id
                               where lineIds.Contains(line.OrderLineId) && r.Status == RefundStatus.Refunded
                               select new { line.OrderLineId, line.Amount }).ToListAsync(cancellationToken))
            .GroupBy(l => l.OrderLineId).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount.Fen));
        return paid.ToDictionary(l => l.Id, l => (l.Amount.Fen, refunded.GetValueOrDefault(l.Id)));
    }
}
