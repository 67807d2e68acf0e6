using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Inventory;

/// <summary>The daily low-stock digest: each shop owner with open alerts gets one message listing them.</summary>
public sealed class StockDigestService(IDbContextFactory<MallDbContext> contexts, NotificationService notifications)
{
    public async Task<int> SendAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await (from a in db.StockAlerts
                          join k in db.ProductSkus on a.SkuId equals k.Id
                          join p in db.Products on k.ProductId equals p.Id
                          join s in db.Shops on a.ShopId equals s.Id
                          join i in db.StockItems on a.SkuId equals i.SkuId
                          where a.ClosedAt == null
                          select new { s.OwnerUserId, p.Title, k.SpecText, Available = i.OnHand - i.Reserved })
            .ToListAsync(cancellationToken);
        foreach (var owner in open.GroupBy(o => o.OwnerUserId))
        {
            var items = string.Join("；", owner.Select(o => $"{o.Title} {o.SpecText.Replace(";", "/")}（剩 {o.Available} 件）"));
            await notifications.NotifyAsync(owner.Key, NotificationTemplates.StockDigest,
                new Dictionary<string, string> { ["count"] = owner.Count().ToString(), ["items"] = items }, "/merchant/stock-alerts", cancellationToken);
        }
        return open.GroupBy(o => o.OwnerUserId).Count();
    }
}
