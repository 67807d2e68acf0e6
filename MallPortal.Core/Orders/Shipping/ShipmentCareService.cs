using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>
/// The merchant's care of its parcels: scans typed by hand where no provider follows the parcel, problems handled and
/// taken off the queue; and the check that puts a parcel with no scan for days on that queue.
/// </summary>
public sealed class ShipmentCareService(IDbContextFactory<MallDbContext> contexts, ShipmentProgress progress, ShippingSettings settings,
    TimeProvider clock)
{
    public const int ManualContextMaxLength = 100;

    /// <summary>A scan the merchant read from the carrier's site or app; not in the future, words required.</summary>
    public async Task AddScanAsync(Actor actor, int shipmentId, ManualScan scan, CancellationToken cancellationToken = default)
    {
        var context = (scan.Context ?? "").Trim();
        if (context.Length is 0 or > ManualContextMaxLength)
        {
            throw new DomainException(string.Format(CoreText.ScanContextRequired, ManualContextMaxLength), nameof(ManualScan.Context));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (scan.At is not { } at || at > now.AddMinutes(5))
        {
            throw new DomainException(CoreText.ScanTimeInvalid, nameof(ManualScan.At));
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shipment = await OwnAsync(db, actor, shipmentId, cancellationToken);
        if (shipment.Tracking == TrackingMode.Subscribed && !shipment.TrackingEnded)
        {
            throw new DomainException(CoreText.ScanByProvider);
        }
        var place = (scan.Place ?? "").Trim();
        var outcome = shipment.Absorb([new TraceInput(at, context, place.Length == 0 ? null : place[..Math.Min(place.Length, 60)], scan.State)], manual: true, now);
        if (outcome.Added == 0)
        {
            throw new DomainException(CoreText.ScanDuplicate);
        }
        await progress.CommitAsync(db, shipment, outcome, now, cancellationToken);
    }

    public async Task HandleProblemAsync(Actor actor, int shipmentId, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shipment = await OwnAsync(db, actor, shipmentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        shipment.HandleProblem(note, now);
        await progress.CommitAsync(db, shipment, TraceOutcome.Nothing, now, cancellationToken);
    }

    /// <summary>Parcels on the way with no scan for <see cref="LogisticsOptions.NoScanDays"/> days go to their shop's problem queue.</summary>
    public async Task<int> FlagSilentAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quiet = TimeSpan.FromDays(settings.Logistics.NoScanDays);
        var since = now - quiet;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var silent = await db.Shipments.Where(s => s.Status != ShipmentStatus.Signed && s.Status != ShipmentStatus.Returned
                && s.Problem == ShipmentProblem.None && (s.LastScanAt ?? s.ShippedAt) <= since
                && db.Orders.Any(o => o.Id == s.OrderId && o.Status == OrderStatus.PendingReceipt))
            .OrderBy(s => s.Id).Take(100).ToListAsync(cancellationToken);
        foreach (var shipment in silent.Where(s => s.FlagIfSilent(now, quiet)))
        {
            await progress.CommitAsync(db, shipment, TraceOutcome.Nothing with { Problem = ShipmentProblem.NoScan }, now, cancellationToken);
        }
        return silent.Count;
    }

    // Another shop's parcel is "not found", exactly like a missing one.
    private static async Task<Shipment> OwnAsync(MallDbContext db, Actor actor, int shipmentId, CancellationToken cancellationToken)
    {
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        return await db.Shipments.Include(s => s.Events).SingleOrDefaultAsync(s => s.Id == shipmentId && s.ShopId == shopId, cancellationToken)
               ?? throw new DomainException(CoreText.ShipmentNotFound);
    }
}

/// <summary>A scan typed by hand: when (UTC), where, what, and what it means.</summary>
public sealed record ManualScan(DateTime? At, string? Place, string? Context, TraceState State);
