using System.Linq.Expressions;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Inventory;

/// <summary>
/// The one way stock changes: a conditional UPDATE (the condition is checked by the database at the moment of
/// writing) plus its ledger row, and the low-stock alerts that follow, all inside the caller's transaction.
/// </summary>
internal static class StockLedger
{
    public static async Task ChangeAsync(MallDbContext db, int skuId, int onHand, int reserved, StockMovementKind kind,
        string reference, string? reason, int? actorUserId, DateTime now, Expression<Func<StockItem, bool>>? condition,
        string failure, CancellationToken cancellationToken)
    {
        var items = db.StockItems.Where(s => s.SkuId == skuId);
        if (condition is not null)
        {
            items = items.Where(condition);
        }
        var changed = await items.ExecuteUpdateAsync(u => u
            .SetProperty(s => s.OnHand, s => s.OnHand + onHand)
            .SetProperty(s => s.Reserved, s => s.Reserved + reserved)
            .SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);
        if (changed == 0)
        {
            throw new DomainException(failure, "Stock");
        }
        var shopId = await db.StockItems.Where(s => s.SkuId == skuId).Select(s => s.ShopId).SingleAsync(cancellationToken);
        db.StockMovements.Add(new StockMovement(skuId, shopId, kind, onHand, reserved, reference, reason, actorUserId, now));
    }

    /// <summary>
    /// Reserves one order's lines: per SKU one conditional UPDATE that also returns what is left (and the SKU's shop), so
    /// nothing is read again for the ledger row or the low-stock alert; the first line that cannot be met throws and the
    /// caller's transaction changes nothing. Checkout runs it last, just before the commit: on PostgreSQL the stock row
    /// stays locked from this UPDATE to the commit.
    /// </summary>
    public static async Task<IReadOnlyList<StockAlert>> ReserveAsync(MallDbContext db, IReadOnlyList<StockLine> merged, string reference,
        DateTime now, CancellationToken cancellationToken)
    {
        var opened = new List<StockAlert>();
        foreach (var line in merged)
        {
            var left = await db.Database.SqlQuery<StockLeft>($"""
                UPDATE "StockItems" SET "Reserved" = "Reserved" + {line.Quantity}, "Version" = "Version" + 1
                WHERE "SkuId" = {line.SkuId} AND "OnHand" - "Reserved" >= {line.Quantity}
                RETURNING "ShopId", "OnHand" - "Reserved" AS "Available", "LowStockThreshold"
                """).ToListAsync(cancellationToken);
            if (left.Count == 0)
            {
                throw new DomainException(CoreText.OutOfStock, "Stock");
            }
            var (shopId, available, threshold) = (left[0].ShopId, left[0].Available, left[0].LowStockThreshold);
            db.StockMovements.Add(new StockMovement(line.SkuId, shopId, StockMovementKind.Reservation, 0, line.Quantity, reference, null, null, now));
            // A reservation only lowers what is available: above the threshold now, it was above before, where no alert is open.
            if (available <= threshold && !await db.StockAlerts.AnyAsync(a => a.SkuId == line.SkuId && a.ClosedAt == null, cancellationToken))
            {
                opened.Add(new StockAlert(line.SkuId, shopId, available, threshold, now));
            }
        }
        db.StockAlerts.AddRange(opened);
        return opened;
    }

    public static List<StockLine> Merge(IEnumerable<StockLine> lines) =>
        lines.GroupBy(l => l.SkuId).Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity))).ToList();

    /// <summary>
    /// An order's stock step over all its lines inside the caller's transaction (reserve, release, ship, return);
    /// the first line that cannot be met throws and the caller's transaction changes nothing.
    /// </summary>
    public static async Task<IReadOnlyList<StockAlert>> ApplyAsync(MallDbContext db, IReadOnlyList<StockLine> merged, StockMovementKind kind,
        string reference, DateTime now, CancellationToken cancellationToken)
    {
        if (kind == StockMovementKind.Reservation)
        {
            return await ReserveAsync(db, merged, reference, now, cancellationToken);
        }
        foreach (var line in merged)
        {
            var q = line.Quantity;
            await (kind switch
            {
                StockMovementKind.Release => ChangeAsync(db, line.SkuId, 0, -q, kind, reference, null, null, now,
                    s => s.Reserved >= q, CoreText.StockStateChanged, cancellationToken),
                StockMovementKind.Shipment => ChangeAsync(db, line.SkuId, -q, -q, kind, reference, null, null, now,
                    s => s.Reserved >= q, CoreText.StockStateChanged, cancellationToken),
                _ => ChangeAsync(db, line.SkuId, q, 0, kind, reference, null, null, now, null, CoreText.StockStateChanged, cancellationToken),
            });
        }
        return await UpdateAlertsAsync(db, merged.Select(l => l.SkuId).ToList(), now, cancellationToken);
    }

    /// <summary>Opens an alert where available stock is at or below the threshold, closes it where it is above.</summary>
    public static async Task<IReadOnlyList<StockAlert>> UpdateAlertsAsync(MallDbContext db, IReadOnlyCollection<int> skuIds, DateTime now,
        CancellationToken cancellationToken)
    {
        var items = await db.StockItems.AsNoTracking().Where(s => skuIds.Contains(s.SkuId)).ToListAsync(cancellationToken);
        var open = await db.StockAlerts.Where(a => skuIds.Contains(a.SkuId) && a.ClosedAt == null).ToListAsync(cancellationToken);
        var opened = new List<StockAlert>();
        foreach (var item in items)
        {
            var alert = open.FirstOrDefault(a => a.SkuId == item.SkuId);
            if (item.Available <= item.LowStockThreshold && alert is null)
            {
                opened.Add(new StockAlert(item.SkuId, item.ShopId, item.Available, item.LowStockThreshold, now));
            }
            else if (item.Available > item.LowStockThreshold)
            {
                alert?.Close(now);
            }
        }
        db.StockAlerts.AddRange(opened);
        return opened;
    }
}

/// <summary>What a conditional reservation left: the row's shop, its available units and its low-stock threshold.</summary>
internal sealed class StockLeft
{
    public int ShopId { get; set; }

    public int Available { get; set; }

    public int LowStockThreshold { get; set; }
}
