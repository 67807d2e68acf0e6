using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics;

/// <summary>An order as the rollups see it: its shop, buyer, money and the keys of its order-level dimensions.</summary>
internal sealed record OrderFact(int OrderId, int ShopId, int BuyerUserId, long TotalFen, string Payment, string Province,
    int? DistributorId, ShareChannel? Channel, DateTime? PaidAt);

internal sealed record LineFact(int LineId, int OrderId, int ProductId, int Quantity, long AmountFen);

internal sealed record RefundFact(int OrderId, long AmountFen, IReadOnlyList<(int LineId, int Quantity, long AmountFen)> Lines);

internal sealed record CommissionFact(int OrderId, int LineId, long AmountFen);

/// <summary>Everything that happened on one business-local day, read from the facts (orders, refunds, commissions, clicks).</summary>
internal sealed record DayFacts(
    IReadOnlyList<OrderFact> Paid,
    IReadOnlyList<RefundFact> Refunds,
    IReadOnlyList<CommissionFact> Earned,
    IReadOnlyList<CommissionFact> TakenBack,
    IReadOnlyDictionary<int, OrderFact> Orders,
    IReadOnlyDictionary<int, LineFact> Lines,
    IReadOnlyDictionary<int, (int CategoryId, int? BrandId)> Products,
    Func<int, DateTime, int?> GradeAt,
    IReadOnlyList<(int ShopId, string Visitor)> Visits);

internal static class SalesFacts
{
    private static readonly CommissionEntryKind[] TakenBackKinds =
        [CommissionEntryKind.Reversed, CommissionEntryKind.ClawedBack, CommissionEntryKind.Voided];

    public static async Task<DayFacts> LoadAsync(MallDbContext db, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var paidOrders = db.Orders.Where(o => o.PaidAt >= start && o.PaidAt < end);
        var paid = await Project(db, paidOrders).ToListAsync(cancellationToken);
        var refunds = (await db.Refunds.Where(r => r.Status == RefundStatus.Refunded && r.DecidedAt >= start && r.DecidedAt < end)
            .Select(r => new { r.OrderId, Fen = r.Amount.Fen, Lines = r.Lines.Select(l => new { l.OrderLineId, l.Quantity, Fen = l.Amount.Fen }).ToList() })
            .ToListAsync(cancellationToken))
            .Select(r => new RefundFact(r.OrderId, r.Fen, r.Lines.Select(l => (l.OrderLineId, l.Quantity, l.Fen)).ToList())).ToList();
        var earned = await db.Commissions.Where(c => paidOrders.Any(o => o.Id == c.OrderId))
            .Select(c => new CommissionFact(c.OrderId, c.OrderLineId, c.AmountFen)).ToListAsync(cancellationToken);
        var takenBack = await db.CommissionEntries
            .Where(e => e.At >= start && e.At < end && TakenBackKinds.Contains(e.Kind) && e.CommissionId != null)
            .Select(e => new CommissionFact(e.Commission!.OrderId, e.Commission.OrderLineId, e.AmountFen)).ToListAsync(cancellationToken);

        var otherIds = refunds.Select(r => r.OrderId).Concat(takenBack.Select(c => c.OrderId)).Except(paid.Select(o => o.OrderId)).Distinct().ToList();
        var orders = paid.Concat(await Project(db, db.Orders.Where(o => otherIds.Contains(o.Id))).ToListAsync(cancellationToken))
            .ToDictionary(o => o.OrderId);
        var lines = await db.OrderLines.Where(l => paidOrders.Any(o => o.Id == l.OrderId) || otherIds.Contains(l.OrderId))
            .Select(l => new LineFact(l.Id, l.OrderId, l.ProductId, l.Quantity, l.Amount.Fen)).ToDictionaryAsync(l => l.LineId, cancellationToken);
        var productIds = lines.Values.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.Where(p => productIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.CategoryId, p.BrandId), cancellationToken);
        var gradeAt = await GradesAsync(db, orders.Values.Where(o => o.DistributorId is not null).Select(o => o.DistributorId!.Value).Distinct().ToList(),
            cancellationToken);
        var visits = await VisitsAsync(db, start, end, cancellationToken);
        return new DayFacts(paid, refunds, earned, takenBack, orders, lines, products, gradeAt, visits);
    }

    private static IQueryable<OrderFact> Project(MallDbContext db, IQueryable<Order> orders) =>
        from o in orders
        join a in db.OrderAttributions on o.Id equals a.OrderId into attributions
        from a in attributions.DefaultIfEmpty()
        select new OrderFact(o.Id, o.ShopId, o.BuyerUserId, o.TotalFen, o.PaymentMethod, o.RecipientProvince,
            a == null ? null : a.DistributorId, a == null ? null : a.Channel, o.PaidAt);

    /// <summary>The grade a distributor had at a moment: the last change before it, else the grade it started from.</summary>
    private static async Task<Func<int, DateTime, int?>> GradesAsync(MallDbContext db, IReadOnlyList<int> distributorIds, CancellationToken cancellationToken)
    {
        var changes = (await db.GradeChanges.Where(c => distributorIds.Contains(c.DistributorId))
                .Select(c => new { c.DistributorId, c.FromGradeId, c.ToGradeId, c.At }).ToListAsync(cancellationToken))
            .GroupBy(c => c.DistributorId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).ToList());
        var current = await db.Distributors.Where(d => distributorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.GradeId, cancellationToken);
        return (distributorId, at) =>
        {
            if (!changes.TryGetValue(distributorId, out var list))
            {
                return current.GetValueOrDefault(distributorId);
            }
            var before = list.LastOrDefault(c => c.At <= at);
            return before is not null ? before.ToGradeId : list[0].FromGradeId;
        };
    }

    private static async Task<IReadOnlyList<(int, string)>> VisitsAsync(MallDbContext db, DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var clicks = await (from c in db.PromotionClicks
                            where c.At >= start && c.At < end
                            join l in db.PromotionLinks on c.LinkId equals l.Id
                            select new
                            {
                                ShopId = l.Target == LinkTarget.Shop ? l.TargetId
                                    : l.Target == LinkTarget.Product ? db.Products.Where(p => p.Id == l.TargetId).Select(p => p.ShopId).FirstOrDefault()
                                    : 0,
                                c.VisitorHash,
                            }).Distinct().ToListAsync(cancellationToken);
        return clicks.Select(c => (c.ShopId, c.VisitorHash)).ToList();
    }
}
