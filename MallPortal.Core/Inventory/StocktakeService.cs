using System.Security.Cryptography;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Inventory;

/// <summary>Stocktakes of a merchant's own shop: create (snapshot), count by hand or CSV, approve once.</summary>
public sealed class StocktakeService(IDbContextFactory<MallDbContext> contexts, StockNotifier notifier, TimeProvider clock)
{
    public async Task<int> CreateAsync(Actor actor, int? categoryId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var categories = categoryId is { } id ? await CategoryTree.SelfAndDescendantsAsync(db, id, cancellationToken) : null;
        var lines = await (from s in db.StockItems
                           join k in db.ProductSkus on s.SkuId equals k.Id
                           join p in db.Products on k.ProductId equals p.Id
                           where s.ShopId == shopId && (categories == null || categories.Contains(p.CategoryId))
                           select new StocktakeLine(s.SkuId, s.OnHand, k.CostPrice == null ? null : k.CostPrice.Value.Fen))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var stocktake = new Stocktake(shopId, "PD" + now.ToString("yyyyMMdd") + RandomNumberGenerator.GetString("0123456789", 6), categoryId, now, lines);
        db.Stocktakes.Add(stocktake);
        await db.SaveChangesAsync(cancellationToken);
        return stocktake.Id;
    }

    public async Task CountAsync(Actor actor, int stocktakeId, IReadOnlyList<CountInput> counts, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stocktake = await OwnAsync(db, actor, stocktakeId, cancellationToken);
        foreach (var count in counts)
        {
            stocktake.Count(count.SkuId, count.Counted, count.Reason);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Reads "SKU code,counted[,reason]" rows. Every bad row is reported by its line number and then nothing
    /// is applied; a clean file records every count.
    /// </summary>
    public async Task<IReadOnlyList<string>> ImportCsvAsync(Actor actor, int stocktakeId, string csv, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stocktake = await OwnAsync(db, actor, stocktakeId, cancellationToken);
        var skuIds = stocktake.Lines.Select(l => l.SkuId).ToList();
        var codes = await db.ProductSkus.Where(k => skuIds.Contains(k.Id)).ToDictionaryAsync(k => k.Code, k => k.Id, cancellationToken);
        var (counts, errors) = StocktakeCsv.Parse(csv, codes);
        if (errors.Count > 0)
        {
            return errors;
        }
        foreach (var count in counts)
        {
            stocktake.Count(count.SkuId, count.Counted, count.Reason);
        }
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>One stocktake movement per line whose count differs; approving twice is refused.</summary>
    public async Task ApproveAsync(Actor actor, int stocktakeId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> changed;
        IReadOnlyList<StockAlert> opened;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var stocktake = await OwnAsync(db, actor, stocktakeId, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            stocktake.Approve(now);
            changed = stocktake.Lines.Where(l => l.Variance != 0).Select(l => l.SkuId).ToList();
            foreach (var line in stocktake.Lines.Where(l => l.Variance != 0))
            {
                var variance = line.Variance;
                await StockLedger.ChangeAsync(db, line.SkuId, variance, 0, StockMovementKind.Stocktake, stocktake.Number, line.Reason, actor.UserId, now,
                    s => s.OnHand + variance >= s.Reserved, CoreText.AdjustmentBelowReserved, cancellationToken);
            }
            opened = await StockLedger.UpdateAlertsAsync(db, changed, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await notifier.AfterCommitAsync(changed, opened, cancellationToken);
    }

    public async Task<StocktakeDetails> GetAsync(Actor actor, int stocktakeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stocktake = await OwnAsync(db, actor, stocktakeId, cancellationToken);
        var skuIds = stocktake.Lines.Select(l => l.SkuId).ToList();
        var names = await (from k in db.ProductSkus join p in db.Products on k.ProductId equals p.Id
                           where skuIds.Contains(k.Id) select new { k.Id, p.Title, k.SpecText, k.Code }).ToDictionaryAsync(x => x.Id, cancellationToken);
        var lines = stocktake.Lines.OrderBy(l => names[l.SkuId].Title).ThenBy(l => l.SkuId).Select(l => new StocktakeLineRow(
            l.SkuId, names[l.SkuId].Title, names[l.SkuId].SpecText, names[l.SkuId].Code, l.Recorded, l.Counted, l.Variance,
            l.UnitCostFen is { } cost ? new Money(cost * l.Variance) : null, l.Reason)).ToList();
        return new StocktakeDetails(stocktake.Id, stocktake.Number, stocktake.Status, stocktake.CreatedAt, lines);
    }

    public async Task<IReadOnlyList<StocktakeDetails>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        return await db.Stocktakes.AsNoTracking().Where(s => s.ShopId == shopId).OrderByDescending(s => s.Id).Take(50)
            .Select(s => new StocktakeDetails(s.Id, s.Number, s.Status, s.CreatedAt, new List<StocktakeLineRow>())).ToListAsync(cancellationToken);
    }

    private static async Task<Stocktake> OwnAsync(MallDbContext db, Actor actor, int stocktakeId, CancellationToken cancellationToken)
    {
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        return await db.Stocktakes.Include(s => s.Lines).SingleOrDefaultAsync(s => s.Id == stocktakeId && s.ShopId == shopId, cancellationToken)
               ?? throw new DomainException(CoreText.StocktakeNotFound);
    }
}

public sealed record CountInput(int SkuId, int Counted, string? Reason);

public sealed record StocktakeLineRow(int SkuId, string ProductTitle, string SpecText, string Code, int Recorded, int? Counted, int Variance,
    Money? VarianceValue, string? Reason);

public sealed record StocktakeDetails(int Id, string Number, StocktakeStatus Status, DateTime CreatedAt, IReadOnlyList<StocktakeLineRow> Lines);
