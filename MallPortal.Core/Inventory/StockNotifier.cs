using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Inventory;

/// <summary>After a stock change has committed: live figures everywhere, and the owner told of new low-stock alerts.</summary>
public sealed class StockNotifier(IDbContextFactory<MallDbContext> contexts, NotificationService notifications, ILiveUpdates live)
{
    public async Task AfterCommitAsync(IReadOnlyList<int> skuIds, IReadOnlyList<StockAlert> opened, CancellationToken cancellationToken)
    {
        List<(int ShopId, int SkuId)> changed;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            changed = (await db.StockItems.AsNoTracking().Where(s => skuIds.Contains(s.SkuId))
                .Select(s => new { s.ShopId, s.SkuId }).ToListAsync(cancellationToken)).Select(s => (s.ShopId, s.SkuId)).ToList();
        }
        await AfterCommitAsync(changed, opened, cancellationToken);
    }

    /// <summary>As above, for a caller that knows each SKU's shop (a checkout): nothing is read unless an alert opened.</summary>
    public async Task AfterCommitAsync(IReadOnlyList<(int ShopId, int SkuId)> changed, IReadOnlyList<StockAlert> opened,
        CancellationToken cancellationToken)
    {
        foreach (var shop in changed.GroupBy(s => s.ShopId))
        {
            await live.PublishAsync(new StockChanged(shop.Key, shop.Select(s => s.SkuId).Distinct().ToList()), cancellationToken);
        }
        if (opened.Count == 0)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var alert in opened)
        {
            var sku = await (from k in db.ProductSkus
                             join p in db.Products on k.ProductId equals p.Id
                             join s in db.Shops on p.ShopId equals s.Id
                             where k.Id == alert.SkuId
                             select new { p.Title, k.SpecText, k.Code, s.OwnerUserId }).SingleAsync(cancellationToken);
            await notifications.NotifyAsync(sku.OwnerUserId, NotificationTemplates.StockLow, new Dictionary<string, string>
            {
                ["product"] = sku.Title,
                ["sku"] = sku.SpecText.Length == 0 ? sku.Code : Catalog.SkuText.Display(sku.SpecText),
                ["available"] = alert.AvailableAtOpen.ToString(),
            }, "/merchant/stock-alerts", cancellationToken);
            await live.PublishAsync(new StockRunningLow(alert.ShopId, alert.SkuId, alert.AvailableAtOpen), cancellationToken);
        }
    }
}
