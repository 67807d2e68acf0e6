using System.Globalization;
using MallPortal.Core.Analytics.History;
using MallPortal.Core.Distribution.Commissions;
using MallPortal.Core.Inventory;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Orders.Settlement;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Data;

/// <summary>
/// The operator's check that what commits together was stored together (after a crash, a restore, a bad deploy): stock
/// equals its ledger; every order holds exactly its reservation; a paid order has its paid payment, one pay step, its
/// receivable once per line and its messages; a commission is accrued once and the balances are their entries' sums.
/// Read-only; an empty list means every rule holds.
/// </summary>
public static class IntegrityCheck
{
    public static async Task<IReadOnlyList<IntegrityViolation>> RunAsync(MallDbContext db, CancellationToken cancellationToken = default)
    {
        var found = new List<IntegrityViolation>();
        await StockAsync(db, found, cancellationToken);
        var orders = await db.Orders.AsNoTracking()
            .Select(o => new OrderFacts(o.Id, o.Number, o.Status, o.BuyerUserId, o.ShopId, o.PaymentId, o.PaymentMethod, o.PaidAt,
                o.Payment.Status, o.Payment.Number, db.Shops.Where(s => s.Id == o.ShopId).Select(s => s.OwnerUserId).Single(),
                o.Number.StartsWith(HistoryDay.NumberPrefix)))
            .ToListAsync(cancellationToken);
        await ReservationsAsync(db, orders, found, cancellationToken);
        await PaymentsAsync(db, orders, found, cancellationToken);
        await ReceivablesAsync(db, orders, found, cancellationToken);
        await CommissionsAsync(db, found, cancellationToken);
        await IntegrityMessages.CheckAsync(db, orders, found, cancellationToken);
        return found;
    }

    /// <summary>On hand and reserved equal the sums of the SKU's movements (the Inventory invariant).</summary>
    private static async Task StockAsync(MallDbContext db, List<IntegrityViolation> found, CancellationToken cancellationToken)
    {
        var items = await db.StockItems.AsNoTracking().Select(s => new
        {
            s.SkuId, s.OnHand, s.Reserved,
            LedgerOnHand = db.StockMovements.Where(m => m.SkuId == s.SkuId).Sum(m => m.OnHandChange),
            LedgerReserved = db.StockMovements.Where(m => m.SkuId == s.SkuId).Sum(m => m.ReservedChange),
        }).Where(s => s.OnHand != s.LedgerOnHand || s.Reserved != s.LedgerReserved).ToListAsync(cancellationToken);
        found.AddRange(items.Select(s => new IntegrityViolation(IntegrityRule.StockLedger, Text(CoreText.IcSubjectSku, s.SkuId),
            Text(CoreText.IcStock, s.OnHand, s.Reserved, s.LedgerOnHand, s.LedgerReserved))));
    }

    /// <summary>
    /// Checkout reserves each order's units under its number exactly once; an unpaid order still holds them all and a
    /// cancelled one holds none (its release or refund gave them back).
    /// </summary>
    private static async Task ReservationsAsync(MallDbContext db, List<OrderFacts> orders, List<IntegrityViolation> found, CancellationToken cancellationToken)
    {
        var wanted = await db.OrderLines.AsNoTracking().GroupBy(l => new { l.OrderId, l.SkuId })
            .Select(g => new { g.Key.OrderId, g.Key.SkuId, Quantity = g.Sum(l => l.Quantity) }).ToListAsync(cancellationToken);
        var moved = (await db.StockMovements.AsNoTracking().Where(m => m.Kind != StockMovementKind.Inbound && m.Kind != StockMovementKind.Adjustment
                && m.Kind != StockMovementKind.Stocktake)
            .GroupBy(m => new { m.Reference, m.SkuId })
            .Select(g => new
            {
                g.Key.Reference, g.Key.SkuId,
                Reserved = g.Where(m => m.Kind == StockMovementKind.Reservation).Sum(m => m.ReservedChange),
                Held = g.Sum(m => m.ReservedChange),
            }).ToListAsync(cancellationToken)).ToDictionary(m => (m.Reference, m.SkuId));
        var byOrder = orders.ToDictionary(o => o.Id);
        foreach (var line in wanted.Where(l => !byOrder[l.OrderId].Generated))
        {
            var order = byOrder[line.OrderId];
            var (reserved, held) = moved.TryGetValue((order.Number, line.SkuId), out var m) ? (m.Reserved, m.Held) : (0, 0);
            if (reserved != line.Quantity)
            {
                found.Add(new(IntegrityRule.Reservation, OrderSubject(order.Number), Text(CoreText.IcReserved, line.SkuId, line.Quantity, reserved)));
            }
            else if (order.Status == OrderStatus.PendingPayment && held != line.Quantity)
            {
                found.Add(new(IntegrityRule.Reservation, OrderSubject(order.Number), Text(CoreText.IcUnpaidHolds, line.SkuId, line.Quantity, held)));
            }
            else if (order.Status == OrderStatus.Cancelled && held != 0)
            {
                found.Add(new(IntegrityRule.Reservation, OrderSubject(order.Number), Text(CoreText.IcCancelledHolds, line.SkuId, held)));
            }
        }
    }

    /// <summary>
    /// A payment and its orders change together: a paid order's payment is paid, a paid online payment leaves none of its
    /// orders unpaid and rests on an accepted gateway event, and no order was paid twice.
    /// </summary>
    private static async Task PaymentsAsync(MallDbContext db, List<OrderFacts> orders, List<IntegrityViolation> found, CancellationToken cancellationToken)
    {
        var evidenced = (await db.PaymentNotifications.AsNoTracking().Where(n => n.Outcome == NotificationOutcome.Accepted && n.PaymentNumber != null)
            .Select(n => n.PaymentNumber!).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var payCounts = await db.Set<OrderEvent>().AsNoTracking().Where(e => e.Kind == OrderEventKind.Pay)
            .GroupBy(e => e.OrderId).Select(g => new { g.Key, Count = g.Count() }).Where(g => g.Count > 1).ToListAsync(cancellationToken);
        var numbers = orders.ToDictionary(o => o.Id, o => o.Number);
        found.AddRange(payCounts.Select(p => new IntegrityViolation(IntegrityRule.Payment, OrderSubject(numbers[p.Key]), Text(CoreText.IcPaidTimes, p.Count))));
        foreach (var order in orders.Where(o => !CashOnDeliveryGateway.Is(o.PaymentMethod)))
        {
            if (order.PaidAt is not null && order.PaymentStatus != PaymentStatus.Paid)
            {
                found.Add(new(IntegrityRule.Payment, OrderSubject(order.Number), Text(CoreText.IcPaidButPayment, order.PaymentNumber, order.PaymentStatus)));
            }
            else if (order.PaymentStatus == PaymentStatus.Paid && order.Status == OrderStatus.PendingPayment)
            {
                found.Add(new(IntegrityRule.Payment, OrderSubject(order.Number), Text(CoreText.IcPaymentPaidOrderNot, order.PaymentNumber)));
            }
            if (order.PaymentStatus == PaymentStatus.Paid && !order.Generated && !evidenced.Contains(order.PaymentNumber))
            {
                found.Add(new(IntegrityRule.Payment, OrderSubject(order.Number), Text(CoreText.IcNoGatewayEvent, order.PaymentNumber)));
            }
        }
    }

    /// <summary>Payment books the shop's receivable in its transaction: one settlement per paid order, one sale entry per line.</summary>
    private static async Task ReceivablesAsync(MallDbContext db, List<OrderFacts> orders, List<IntegrityViolation> found, CancellationToken cancellationToken)
    {
        var settled = (await db.OrderSettlements.AsNoTracking().Select(s => s.OrderId).ToListAsync(cancellationToken)).ToHashSet();
        var sales = await db.SettlementEntries.AsNoTracking().Where(e => e.Kind == SettlementEntryKind.Sale && e.OrderId != null)
            .GroupBy(e => new { OrderId = e.OrderId!.Value, e.OrderLineId }).Select(g => new { g.Key.OrderId, g.Key.OrderLineId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var lines = await db.OrderLines.AsNoTracking().GroupBy(l => l.OrderId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var entries = sales.GroupBy(s => s.OrderId).ToDictionary(g => g.Key, g => (Lines: g.Count(), Max: g.Max(s => s.Count)));
        foreach (var order in orders)
        {
            var (booked, most) = entries.GetValueOrDefault(order.Id);
            if (most > 1)
            {
                found.Add(new(IntegrityRule.Receivable, OrderSubject(order.Number), Text(CoreText.IcSaleBookedTwice, most)));
            }
            else if (order.PaidAt is not null && (!settled.Contains(order.Id) || booked != lines.GetValueOrDefault(order.Id)))
            {
                found.Add(new(IntegrityRule.Receivable, OrderSubject(order.Number), Text(CoreText.IcLinesBooked, booked, lines.GetValueOrDefault(order.Id))));
            }
        }
    }

    /// <summary>Each commission is accrued exactly once, only on a paid order; each distributor's balances are the sums of its entries.</summary>
    private static async Task CommissionsAsync(MallDbContext db, List<IntegrityViolation> found, CancellationToken cancellationToken)
    {
        var commissions = await db.Commissions.AsNoTracking().Select(c => new
        {
            c.Id, c.OrderLineId, c.DistributorId, c.Level,
            Order = db.Orders.Where(o => o.Id == c.OrderId).Select(o => new { o.Number, o.PaidAt }).Single(),
            Accrued = db.CommissionEntries.Count(e => e.CommissionId == c.Id && e.Kind == CommissionEntryKind.Accrued),
        }).Where(c => c.Accrued != 1 || c.Order.PaidAt == null).ToListAsync(cancellationToken);
        found.AddRange(commissions.Select(c => new IntegrityViolation(IntegrityRule.Commission, OrderSubject(c.Order.Number),
            c.Order.PaidAt is null ? Text(CoreText.IcCommissionUnpaid, c.Id)
                : Text(CoreText.IcCommissionAccrued, c.OrderLineId, c.DistributorId, c.Level, c.Accrued))));
        var moves = await db.CommissionEntries.AsNoTracking().GroupBy(e => new { e.DistributorId, e.From, e.To })
            .Select(g => new { g.Key.DistributorId, g.Key.From, g.Key.To, Fen = g.Sum(e => e.AmountFen) }).ToListAsync(cancellationToken);
        var balances = await db.Distributors.AsNoTracking()
            .Select(d => new { d.Id, d.EstimatedFen, d.FrozenFen, d.WithdrawableFen, d.WithdrawingFen, d.WithdrawnFen }).ToListAsync(cancellationToken);
        foreach (var d in balances)
        {
            long Sum(CommissionBucket bucket) => moves.Where(m => m.DistributorId == d.Id && m.To == bucket).Sum(m => m.Fen)
                - moves.Where(m => m.DistributorId == d.Id && m.From == bucket).Sum(m => m.Fen);
            foreach (var (bucket, stored) in new[] { (CommissionBucket.Estimated, d.EstimatedFen), (CommissionBucket.Frozen, d.FrozenFen),
                         (CommissionBucket.Withdrawable, d.WithdrawableFen), (CommissionBucket.Withdrawing, d.WithdrawingFen), (CommissionBucket.Withdrawn, d.WithdrawnFen) })
            {
                if (Sum(bucket) != stored)
                {
                    found.Add(new(IntegrityRule.Commission, Text(CoreText.IcSubjectDistributor, d.Id), Text(CoreText.IcBalance, BucketName(bucket), stored, Sum(bucket))));
                }
            }
        }
    }
    internal static string OrderSubject(string number) => Text(CoreText.IcSubjectOrder, number);

    /// <summary>A finding in the reader's language (Chinese unless the culture is English), numbers without separators.</summary>
    internal static string Text(string format, params object?[] values) => string.Format(CultureInfo.InvariantCulture, format, values);

    private static string BucketName(CommissionBucket bucket) => bucket switch
    {
        CommissionBucket.Estimated => CoreText.IcBucketEstimated,
        CommissionBucket.Frozen => CoreText.IcBucketFrozen,
        CommissionBucket.Withdrawable => CoreText.IcBucketWithdrawable,
        CommissionBucket.Withdrawing => CoreText.IcBucketWithdrawing,
        _ => CoreText.IcBucketWithdrawn,
    };
}

/// <summary>What a rule found wrong: which rule, about what (an order number, a SKU, a distributor) and how.</summary>
public sealed record IntegrityViolation(IntegrityRule Rule, string Subject, string Detail);

public enum IntegrityRule
{
    StockLedger,
    Reservation,
    Payment,
    Receivable,
    Commission,
    Message,
}

/// <summary>
/// One order's facts the rules share, read once. <see cref="Generated"/>: the demo's sales history, written straight into the
/// tables with its money but without stock, gateway events or messages (SalesHistoryGenerator); those rules pass it by.
/// </summary>
internal sealed record OrderFacts(int Id, string Number, OrderStatus Status, int BuyerUserId, int ShopId, int PaymentId, string PaymentMethod,
    DateTime? PaidAt, PaymentStatus PaymentStatus, string PaymentNumber, int OwnerUserId, bool Generated);
