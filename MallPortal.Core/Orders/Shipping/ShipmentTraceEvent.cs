using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>One scan of a parcel (append-only). The same scan pushed twice has the same fingerprint and is kept once.</summary>
public class ShipmentTraceEvent
{
    public const int ContextMaxLength = 300;

    protected ShipmentTraceEvent()
    {
    }

    internal ShipmentTraceEvent(TraceInput input, bool manual, DateTime recordedAt)
    {
        (At, Context, Place, State, Manual, RecordedAt) = (input.At, input.Context, input.Place, input.State, manual, recordedAt);
        Fingerprint = FingerprintOf(input.At, input.Context);
    }

    public long Id { get; private set; }

    public int ShipmentId { get; private set; }

    /// <summary>When the carrier scanned it (UTC), not when it reached us: the trace is shown in this order.</summary>
    public DateTime At { get; private set; }

    public string Context { get; private set; } = "";

    public string? Place { get; private set; }

    public TraceState State { get; private set; }

    public bool Manual { get; private set; }

    public string Fingerprint { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public static string FingerprintOf(DateTime at, string context) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{at:O}|{context}")))[..16];
}

/// <summary>A scan as a provider or the merchant reports it.</summary>
public sealed record TraceInput(DateTime At, string Context, string? Place, TraceState State);

internal sealed class ShipmentTraceEventConfiguration : IEntityTypeConfiguration<ShipmentTraceEvent>
{
    public void Configure(EntityTypeBuilder<ShipmentTraceEvent> builder)
    {
        builder.Property(e => e.Context).HasMaxLength(ShipmentTraceEvent.ContextMaxLength).IsRequired();
        builder.Property(e => e.Place).HasMaxLength(60);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Fingerprint).HasMaxLength(16).IsRequired();
        builder.HasIndex(e => new { e.ShipmentId, e.Fingerprint }).IsUnique();
    }
}
