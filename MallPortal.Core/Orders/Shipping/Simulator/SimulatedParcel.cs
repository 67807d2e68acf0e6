using System.Text.Json;
using MallPortal.Core.Orders.Shipping.Kuaidi100;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Orders.Shipping.Simulator;

/// <summary>How the simulated parcel's journey goes: delivered, refused and sent back, or never scanned.</summary>
public enum ParcelScript
{
    Delivered,
    Refused,
    NeverScanned,
}

/// <summary>A parcel the simulator was asked to follow: where it pushes, its salt, its script, and what it has pushed so far.</summary>
public class SimulatedParcel
{
    protected SimulatedParcel()
    {
    }

    internal SimulatedParcel(string company, string number, string callbackUrl, string salt, string destination, DateTime nextPushAt)
    {
        (Company, Number, CallbackUrl, Salt, Destination, NextPushAt) = (company, number, callbackUrl, salt, destination, nextPushAt);
        History = "[]";
    }

    public int Id { get; private set; }

    public string Company { get; private set; } = "";

    public string Number { get; private set; } = "";

    public string CallbackUrl { get; private set; } = "";

    public string Salt { get; private set; } = "";

    public string Destination { get; private set; } = "";

    public ParcelScript Script { get; private set; }

    /// <summary>How many steps of the script have happened.</summary>
    public int Step { get; private set; }

    /// <summary>Null when the journey is over and the last push was taken (or given up).</summary>
    public DateTime? NextPushAt { get; private set; }

    public int FailedPushes { get; private set; }

    /// <summary>Every scan so far, newest first, as JSON (each push carries the whole history, like Kuaidi100's).</summary>
    public string History { get; private set; } = "[]";

    public IReadOnlyList<PushScan> Scans => JsonSerializer.Deserialize<List<PushScan>>(History, Kuaidi100Protocol.Json)!;

    public void Follow(ParcelScript script) => Script = script;

    /// <summary>The next step of the script happened (with its scan, if it makes one).</summary>
    internal void Advance(PushScan? scan)
    {
        Step++;
        if (scan is not null)
        {
            History = JsonSerializer.Serialize(Scans.Prepend(scan).ToList(), Kuaidi100Protocol.Json);
        }
    }

    /// <summary>
    /// A push not taken is sent again after <paramref name="retry"/>, three times at most (Kuaidi100's rule); then the
    /// simulator moves on, as the next push carries the whole history anyway.
    /// </summary>
    internal void Pushed(bool taken, bool over, DateTime now, TimeSpan step, TimeSpan retry)
    {
        FailedPushes = taken || FailedPushes >= 3 ? 0 : FailedPushes + 1;
        NextPushAt = FailedPushes > 0 ? now + retry : over ? null : now + step;
    }

    internal bool Retrying => FailedPushes > 0;
}

internal sealed class SimulatedParcelConfiguration : IEntityTypeConfiguration<SimulatedParcel>
{
    public void Configure(EntityTypeBuilder<SimulatedParcel> builder)
    {
        builder.Property(p => p.Company).HasMaxLength(30).IsRequired();
        builder.Property(p => p.Number).HasMaxLength(40).IsRequired();
        builder.Property(p => p.CallbackUrl).HasMaxLength(300).IsRequired();
        builder.Property(p => p.Salt).HasMaxLength(40).IsRequired();
        builder.Property(p => p.Destination).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Script).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.History).IsRequired();
        builder.Ignore(p => p.Scans);
        builder.HasIndex(p => new { p.Company, p.Number }).IsUnique();
        builder.HasIndex(p => p.NextPushAt);
    }
}
