using System.Security.Cryptography;
using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>
/// One parcel of an order (包裹): its carrier and tracking number, the lines and quantities inside, and its trace.
/// Status and problem follow from the scans (<see cref="Absorb"/>), whatever order they arrive in.
/// </summary>
public class Shipment
{
    private readonly List<ShipmentLine> _lines = [];
    private readonly List<ShipmentTraceEvent> _events = [];

    protected Shipment()
    {
    }

    internal Shipment(int orderId, int shopId, int sequence, Carrier carrier, string trackingNumber, IReadOnlyList<ShipmentLine> lines,
        string? siteBaseUrl, DateTime now, int actorUserId)
    {
        (OrderId, ShopId, Sequence, CarrierCode, TrackingNumber) = (orderId, shopId, sequence, carrier.Code, trackingNumber);
        (ShippedAt, ShippedByUserId, Status) = (now, actorUserId, ShipmentStatus.AwaitingPickup);
        (SiteBaseUrl, Salt) = (siteBaseUrl, Convert.ToHexString(RandomNumberGenerator.GetBytes(12)));
        Tracking = carrier.Trackable && siteBaseUrl is not null ? TrackingMode.Pending : TrackingMode.Manual;
        _lines.AddRange(lines);
    }

    public int Id { get; private set; }

    public int OrderId { get; private set; }

    public int ShopId { get; private set; }

    /// <summary>包裹1, 包裹2 … within its order.</summary>
    public int Sequence { get; private set; }

    public string CarrierCode { get; private set; } = "";

    public string TrackingNumber { get; private set; } = "";

    public DateTime ShippedAt { get; private set; }

    public int ShippedByUserId { get; private set; }

    public ShipmentStatus Status { get; private set; }

    public DateTime? SignedAt { get; private set; }

    /// <summary>The newest scan's time and words, for lists and the no-scan check.</summary>
    public DateTime? LastScanAt { get; private set; }

    public string? LastScan { get; private set; }

    public ShipmentProblem Problem { get; private set; }

    public DateTime? ProblemSince { get; private set; }

    public string? ProblemNote { get; private set; }

    public TrackingMode Tracking { get; private set; }

    public string? TrackingMessage { get; private set; }

    public int SubscribeAttempts { get; private set; }

    /// <summary>The provider stopped following it (signed, or gave up): later pushes are still absorbed.</summary>
    public bool TrackingEnded { get; private set; }

    /// <summary>The site address the provider pushes this parcel's trace to, and the secret its pushes are signed with (one per parcel).</summary>
    public string? SiteBaseUrl { get; private set; }

    public string Salt { get; private set; } = "";

    public int Version { get; private set; }

    public IReadOnlyList<ShipmentLine> Lines => _lines;

    public IReadOnlyList<ShipmentTraceEvent> Events => _events;

    public string CarrierName => Carriers.NameOf(CarrierCode);

    public string Describe() => string.Format(CoreText.PackageDescription, Sequence, CarrierName, TrackingNumber);

    /// <summary>
    /// Adds the scans not seen before (same time and words = same scan), then derives status, signing time and problem
    /// from all of them by scan time. Says what changed for the order's timeline and the people to tell.
    /// </summary>
    public TraceOutcome Absorb(IEnumerable<TraceInput> inputs, bool manual, DateTime now)
    {
        var seen = _events.Select(e => e.Fingerprint).ToHashSet();
        var (hadOut, wasSigned, oldProblem) = (_events.Any(e => e.State == TraceState.OutForDelivery), SignedAt is not null, Problem);
        var added = 0;
        foreach (var input in inputs.OrderBy(i => i.At))
        {
            var scan = new ShipmentTraceEvent(input, manual, now);
            if (seen.Add(scan.Fingerprint))
            {
                _events.Add(scan);
                added++;
            }
        }
        if (added == 0)
        {
            return TraceOutcome.Nothing;
        }
        var latest = _events.OrderBy(e => e.At).Last();
        (LastScanAt, LastScan) = (latest.At, latest.Context);
        SignedAt = _events.Where(e => e.State == TraceState.Signed).Select(e => (DateTime?)e.At).Min();
        Status = SignedAt is not null ? ShipmentStatus.Signed : latest.State switch
        {
            TraceState.OutForDelivery => ShipmentStatus.OutForDelivery,
            TraceState.Returned or TraceState.Refused => ShipmentStatus.Returned,
            _ => ShipmentStatus.InTransit,
        };
        var problem = Status == ShipmentStatus.Signed ? ShipmentProblem.None : latest.State switch
        {
            TraceState.Returned or TraceState.Refused => ShipmentProblem.Returned,
            TraceState.Problem => ShipmentProblem.CarrierProblem,
            _ => Problem == ShipmentProblem.NoScan || Problem == ShipmentProblem.NoRecord ? ShipmentProblem.None : Problem,
        };
        var raised = SetProblem(problem, latest.Context, now);
        Version++;
        return new TraceOutcome(added, !hadOut && Status == ShipmentStatus.OutForDelivery, !wasSigned && SignedAt is not null,
            raised && oldProblem != problem ? problem : null);
    }

    /// <summary>Nothing scanned for <paramref name="quiet"/> (or nothing found at all): the merchant should call the carrier.</summary>
    public bool FlagIfSilent(DateTime now, TimeSpan quiet)
    {
        if (Status is ShipmentStatus.Signed || Problem != ShipmentProblem.None || (LastScanAt ?? ShippedAt) > now - quiet)
        {
            return false;
        }
        return SetProblem(ShipmentProblem.NoScan, null, now);
    }

    /// <summary>The provider gave up (Kuaidi100 "abort": no record for 3 days, or no change for 60).</summary>
    public bool TrackingAborted(string? message, DateTime now)
    {
        TrackingEnded = true;
        Version++;
        return Status != ShipmentStatus.Signed && SetProblem(ShipmentProblem.NoRecord, message, now);
    }

    public void TrackingShutDown() => (TrackingEnded, Version) = (true, Version + 1);

    /// <summary>The merchant called the carrier or the buyer: the parcel leaves the problem queue with what was done.</summary>
    public void HandleProblem(string? note, DateTime now)
    {
        note = (note ?? "").Trim();
        if (Problem == ShipmentProblem.None)
        {
            throw new DomainException(CoreText.ShipmentNoProblem);
        }
        if (note.Length is 0 or > 100)
        {
            throw new DomainException(CoreText.ShipmentProblemNoteRequired, nameof(ProblemNote));
        }
        (Problem, ProblemSince, ProblemNote) = (ShipmentProblem.None, null, $"{now:yyyy-MM-dd} {note}");
        Version++;
    }

    internal void Subscribed(bool accepted, string? message, bool permanent)
    {
        SubscribeAttempts++;
        (Tracking, TrackingMessage) = accepted ? (TrackingMode.Subscribed, null) : (permanent ? TrackingMode.Manual : TrackingMode.Failed, message);
        Version++;
    }

    private bool SetProblem(ShipmentProblem problem, string? note, DateTime now)
    {
        if (problem == Problem)
        {
            return false;
        }
        if (problem == ShipmentProblem.None)
        {
            (Problem, ProblemSince) = (problem, null);
        }
        else
        {
            (Problem, ProblemSince, ProblemNote) = (problem, now, note);
        }
        Version++;
        return problem != ShipmentProblem.None;
    }
}

/// <summary>What one batch of scans changed: new scans, first out for delivery, first signed, a new problem.</summary>
public sealed record TraceOutcome(int Added, bool OutForDelivery, bool Signed, ShipmentProblem? Problem)
{
    public static readonly TraceOutcome Nothing = new(0, false, false, null);
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.Property(s => s.CarrierCode).HasMaxLength(30).IsRequired();
        builder.Property(s => s.TrackingNumber).HasMaxLength(40).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Problem).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Tracking).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.LastScan).HasMaxLength(ShipmentTraceEvent.ContextMaxLength);
        builder.Property(s => s.ProblemNote).HasMaxLength(ShipmentTraceEvent.ContextMaxLength);
        builder.Property(s => s.TrackingMessage).HasMaxLength(200);
        builder.Property(s => s.SiteBaseUrl).HasMaxLength(300);
        builder.Property(s => s.Salt).HasMaxLength(40).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.CarrierName);
        builder.HasIndex(s => new { s.OrderId, s.Sequence }).IsUnique();
        builder.HasIndex(s => new { s.ShopId, s.Problem });
        builder.HasIndex(s => new { s.Status, s.LastScanAt });
        builder.HasIndex(s => new { s.CarrierCode, s.TrackingNumber });
        builder.HasOne<Order>().WithMany().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ShipmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.ShipmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
