using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Inventory;

/// <summary>A merchant's stock list and open low-stock alerts, paged in SQL; only the acting merchant's shop.</summary>
public sealed class StockQueries(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<Page<StockRow>> ListAsync(Actor actor, string? search, bool lowOnly, int pageIndex, int pageSize,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var rows = from s in db.StockItems
                   join k in db.ProductSkus on s.SkuId equals k.Id
                   join p in db.Products on k.ProductId equals p.Id
                   where s.ShopId == shopId
                   select new { s, k, p };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            rows = rows.Where(r => r.p.Title.Contains(term) || r.k.Code.Contains(term));
        }
        if (lowOnly)
        {
            rows = rows.Where(r => r.s.OnHand - r.s.Reserved <= r.s.LowStockThreshold);
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderBy(r => r.s.OnHand - r.s.Reserved).ThenBy(r => r.k.Id).Skip(pageIndex * pageSize).Take(pageSize)
            .Select(r => new StockRow(r.k.Id, r.p.Id, r.p.Title, r.k.SpecText, r.k.Code, r.s.OnHand, r.s.Reserved, r.s.LowStockThreshold))
            .ToListAsync(cancellationToken);
        return new Page<StockRow>(page, total);
    }

    public async Task<IReadOnlyList<StockRow>> OpenAlertsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        return await (from a in db.StockAlerts
                      join s in db.StockItems on a.SkuId equals s.SkuId
                      join k in db.ProductSkus on a.SkuId equals k.Id
                      join p in db.Products on k.ProductId equals p.Id
                      where a.ShopId == shopId && a.ClosedAt == null
                      orderby a.OpenedAt descending
                      select new StockRow(k.Id, p.Id, p.Title, k.SpecText, k.Code, s.OnHand, s.Reserved, s.LowStockThreshold))
            .ToListAsync(cancellationToken);
    }
}

public sealed record StockRow(int SkuId, int ProductId, string ProductTitle, string SpecText, string Code, int OnHand, int Reserved, int Threshold)
{
    public int Available => OnHand - Reserved;

    public bool IsLow => Available <= Threshold;
}
