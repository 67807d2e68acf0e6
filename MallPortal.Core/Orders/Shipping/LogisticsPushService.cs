using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Shipping.Kuaidi100;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>
/// A tracking provider's push for one parcel. Forged (bad signature, another parcel's number) is refused and logged;
/// a repeat is absorbed (each scan is kept once); scans are placed by their time whatever order pushes arrive in.
/// </summary>
public sealed class LogisticsPushService(IDbContextFactory<MallDbContext> contexts, ShipmentProgress progress, BusinessTimeZone zone,
    TimeProvider clock, ILogger<LogisticsPushService> logger)
{
    /// <summary>True when the push is taken (answer <see cref="Kuaidi100Protocol.Acknowledgement"/>); false: refused.</summary>
    public async Task<bool> HandleKuaidi100Async(int shipmentId, string? param, string? sign, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await TryHandleAsync(shipmentId, param, sign, cancellationToken);
            }
            catch (Exception ex) when (attempt == 0 && ex is DbUpdateException or DomainException)
            {
                // Two pushes of one parcel at once: the other was stored first; this one is read again against it.
            }
        }
    }

    private async Task<bool> TryHandleAsync(int shipmentId, string? param, string? sign, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shipment = await db.Shipments.Include(s => s.Events).SingleOrDefaultAsync(s => s.Id == shipmentId, cancellationToken);
        if (shipment is null || !Kuaidi100Protocol.Verify(param, sign, shipment.Salt))
        {
            logger.LogWarning("Refused a logistics push for shipment {ShipmentId}: unknown parcel or bad signature", shipmentId);
            return false;
        }
        var push = Kuaidi100Protocol.ParsePush(param!);
        var result = push?.LastResult;
        if (push is null || (result?.Nu is { } nu && !string.Equals(nu, shipment.TrackingNumber, StringComparison.OrdinalIgnoreCase)))
        {
            logger.LogWarning("Refused a logistics push for shipment {ShipmentId}: unreadable or for another number", shipmentId);
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = shipment.Absorb(Scans(result), manual: false, now);
        if (push.Status == "shutdown")
        {
            shipment.TrackingShutDown();
        }
        else if (push.Status == "abort" && shipment.TrackingAborted(push.Message, now))
        {
            outcome = outcome with { Problem = ShipmentProblem.NoRecord };
        }
        await progress.CommitAsync(db, shipment, outcome, now, cancellationToken);
        return true;
    }

    private IEnumerable<TraceInput> Scans(PushResult? result)
    {
        var scans = result?.Data ?? [];
        for (var i = 0; i < scans.Count; i++)
        {
            var scan = scans[i];
            if (Kuaidi100Protocol.ParseTime(scan.Ftime ?? scan.Time, zone.Zone) is { } at && !string.IsNullOrWhiteSpace(scan.Context))
            {
                // Newest first: without a state per scan (no resultv2), the parcel's state belongs to the newest one.
                var state = Kuaidi100Protocol.StateOfScan(scan) ?? (i == 0 ? Kuaidi100Protocol.StateOf(result!.State) : TraceState.InTransit);
                yield return new TraceInput(at, Clip(scan.Context, ShipmentTraceEvent.ContextMaxLength)!, Clip(scan.AreaName, 60), state);
            }
        }
    }

    private static string? Clip(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, max)];
}
