using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Inventory;

/// <summary>
/// The stock operations the order module calls. A reservation succeeds only where
/// <c>OnHand - Reserved &gt;= qty</c> still holds when the database writes it, on SQLite and PostgreSQL alike;
/// a multi-line call is all-or-nothing. Live updates and low-stock notices go out after the commit.
/// </summary>
public sealed class InventoryService(IDbContextFactory<MallDbContext> contexts, StockNotifier notifier, TimeProvider clock)
{
    public Task ReserveAsync(IReadOnlyList<StockLine> lines, string reference, CancellationToken cancellationToken = default) =>
        ApplyAsync(lines, reference, StockMovementKind.Reservation, cancellationToken);

    public Task ReleaseAsync(IReadOnlyList<StockLine> lines, string reference, CancellationToken cancellationToken = default) =>
        ApplyAsync(lines, reference, StockMovementKind.Release, cancellationToken);

    /// <summary>Reserved units leave the shelf with the shipment.</summary>
    public Task ShipAsync(IReadOnlyList<StockLine> lines, string reference, CancellationToken cancellationToken = default) =>
        ApplyAsync(lines, reference, StockMovementKind.Shipment, cancellationToken);

    public Task ReturnAsync(IReadOnlyList<StockLine> lines, string reference, CancellationToken cancellationToken = default) =>
        ApplyAsync(lines, reference, StockMovementKind.Return, cancellationToken);

    /// <summary>SKUs whose stock differs from the sum of their ledger rows; there must be none.</summary>
    public async Task<IReadOnlyList<StockMismatch>> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StockItems.AsNoTracking()
            .Select(s => new
            {
                s.SkuId, s.OnHand, s.Reserved,
                LedgerOnHand = db.StockMovements.Where(m => m.SkuId == s.SkuId).Sum(m => m.OnHandChange),
                LedgerReserved = db.StockMovements.Where(m => m.SkuId == s.SkuId).Sum(m => m.ReservedChange),
            })
            .Where(m => m.OnHand != m.LedgerOnHand || m.Reserved != m.LedgerReserved)
            .Select(m => new StockMismatch(m.SkuId, m.OnHand, m.Reserved, m.LedgerOnHand, m.LedgerReserved))
            .ToListAsync(cancellationToken);
    }

    private async Task ApplyAsync(IReadOnlyList<StockLine> lines, string reference, StockMovementKind kind, CancellationToken cancellationToken)
    {
        if (lines.Count == 0 || lines.Any(l => l.Quantity <= 0))
        {
            throw new DomainException(CoreText.QuantityMustBePositive, "Quantity");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var merged = StockLedger.Merge(lines);
        IReadOnlyList<StockAlert> opened;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            opened = await StockLedger.ApplyAsync(db, merged, kind, reference, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await notifier.AfterCommitAsync(merged.Select(l => l.SkuId).ToList(), opened, cancellationToken);
    }
}

public sealed record StockLine(int SkuId, int Quantity);

public sealed record StockMismatch(int SkuId, int OnHand, int Reserved, int LedgerOnHand, int LedgerReserved);
