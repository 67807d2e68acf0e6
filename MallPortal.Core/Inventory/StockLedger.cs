using System.Linq.Expressions;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
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
