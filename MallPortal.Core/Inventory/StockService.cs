using System.Security.Cryptography;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Inventory;

/// <summary>A merchant's own stock: receive (入库单), adjust with a reason, warning thresholds. Never another shop's SKUs.</summary>
public sealed class StockService(IDbContextFactory<MallDbContext> contexts, StockNotifier notifier, TimeProvider clock)
{
    public const int DefaultThreshold = 10;

    public async Task<string> ReceiveAsync(Actor actor, InboundInput input, CancellationToken cancellationToken = default)
    {
        if (input.Lines.Count == 0 || input.Lines.Any(l => l.Quantity <= 0))
        {
            throw new DomainException(CoreText.QuantityMustBePositive, "Lines");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var number = "RK" + now.ToString("yyyyMMdd") + RandomNumberGenerator.GetString("0123456789", 6);
        var skuIds = input.Lines.Select(l => l.SkuId).Distinct().ToList();
        IReadOnlyList<StockAlert> opened;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
            await EnsureOwnAsync(db, shopId, skuIds, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.InboundNotes.Add(new InboundNote(shopId, number, input.Supplier, input.Note, actor.UserId, now, input.Lines));
            foreach (var line in input.Lines)
            {
                await StockLedger.ChangeAsync(db, line.SkuId, line.Quantity, 0, StockMovementKind.Inbound, number, input.Note, actor.UserId, now,
                    null, CoreText.StockStateChanged, cancellationToken);
            }
            opened = await StockLedger.UpdateAlertsAsync(db, skuIds, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await notifier.AfterCommitAsync(skuIds, opened, cancellationToken);
        return number;
    }

    /// <summary>A manual correction (报损, 找回 ...); on hand may not drop below what open orders hold.</summary>
    public async Task AdjustAsync(Actor actor, int skuId, int change, string? reason, CancellationToken cancellationToken = default)
    {
        if (change == 0 || string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 200)
        {
            throw new DomainException(change == 0 ? CoreText.AdjustmentZero : CoreText.AdjustmentReasonRequired, change == 0 ? "Change" : "Reason");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<StockAlert> opened;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await EnsureOwnAsync(db, await ProductService.ShopOfAsync(db, actor, cancellationToken), [skuId], cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await StockLedger.ChangeAsync(db, skuId, change, 0, StockMovementKind.Adjustment, "ADJ", reason.Trim(), actor.UserId, now,
                s => s.OnHand + change >= s.Reserved, CoreText.AdjustmentBelowReserved, cancellationToken);
            opened = await StockLedger.UpdateAlertsAsync(db, [skuId], now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await notifier.AfterCommitAsync([skuId], opened, cancellationToken);
    }

    public async Task SetThresholdAsync(Actor actor, int skuId, int threshold, CancellationToken cancellationToken = default)
    {
        if (threshold < 0)
        {
            throw new DomainException(CoreText.QuantityNotNegative, "Threshold");
        }
        IReadOnlyList<StockAlert> opened;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await EnsureOwnAsync(db, await ProductService.ShopOfAsync(db, actor, cancellationToken), [skuId], cancellationToken);
            await db.StockItems.Where(s => s.SkuId == skuId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LowStockThreshold, threshold).SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);
            opened = await StockLedger.UpdateAlertsAsync(db, [skuId], clock.GetUtcNow().UtcDateTime, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await notifier.AfterCommitAsync([skuId], opened, cancellationToken);
    }

    /// <summary>Opens stock for new SKUs with their initial quantity (called in the product's own transaction).</summary>
    internal static async Task OpenAsync(MallDbContext db, Product product, int? actorUserId, DateTime now, CancellationToken cancellationToken)
    {
        var skuIds = product.Skus.Select(s => s.Id).ToList();
        var existing = await db.StockItems.Where(s => skuIds.Contains(s.SkuId)).Select(s => s.SkuId).ToListAsync(cancellationToken);
        foreach (var sku in product.Skus.Where(s => !existing.Contains(s.Id)))
        {
            db.StockItems.Add(new StockItem(sku.Id, product.ShopId, DefaultThreshold, sku.InitialStock));
            db.StockMovements.Add(new StockMovement(sku.Id, product.ShopId, StockMovementKind.Inbound, sku.InitialStock, 0,
                "INIT-" + product.Id, "期初库存", actorUserId, now));
        }
    }

    private static async Task EnsureOwnAsync(MallDbContext db, int shopId, IReadOnlyCollection<int> skuIds, CancellationToken cancellationToken)
    {
        if (await db.StockItems.CountAsync(s => skuIds.Contains(s.SkuId) && s.ShopId == shopId, cancellationToken) != skuIds.Count)
        {
            throw new DomainException(CoreText.SkuNotFound, "Lines");
        }
    }
}

public sealed record InboundInput(string? Supplier, string? Note, IReadOnlyList<StockLine> Lines);
