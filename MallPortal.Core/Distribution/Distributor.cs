using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution;

public enum DistributorStatus
{
    Active,

    /// <summary>Links still redirect, but nothing is attributed and the invite code is refused.</summary>
    Suspended,
}

/// <summary>
/// An approved distributor (分销员) in the hierarchy. <see cref="Path"/> is the materialized chain from the root,
/// "/3/8/15/" for a distributor 15 under 8 under 3, so the upline is parsed from it and the downline is a prefix query.
/// </summary>
public class Distributor
{
    public const int NameMaxLength = 40;

    protected Distributor()
    {
    }

    public int Id { get; private set; }

    public int UserId { get; private set; }

    public int ApplicationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Mobile { get; private set; } = "";

    public string Region { get; private set; } = "";

    public string InviteCode { get; private set; } = "";

    public int? ParentId { get; private set; }

    public string Path { get; private set; } = "/";

    /// <summary>1 for a distributor without a parent.</summary>
    public int Depth { get; private set; }

    public DistributorStatus Status { get; private set; }

    public string? SuspendReason { get; private set; }

    public DateTime JoinedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>预估 balance; like the other four, changed only by the commission ledger (a sum of its entries).</summary>
    public long EstimatedFen { get; private set; }

    public long FrozenFen { get; private set; }

    /// <summary>可提现; below zero when a clawback after payout is still owed (待追回).</summary>
    public long WithdrawableFen { get; private set; }

    public long WithdrawingFen { get; private set; }

    public long WithdrawnFen { get; private set; }

    /// <summary>The grade reached (by own settled sales); null: none yet. Changed only by the grade job, upwards.</summary>
    public int? GradeId { get; private set; }

    public bool IsActive => Status == DistributorStatus.Active;

    internal static Distributor Join(DistributorApplication application, string inviteCode, DateTime now) => new()
    {
        UserId = application.ApplicantUserId, ApplicationId = application.Id, Name = application.DisplayName, Mobile = application.Mobile,
        Region = application.Region, InviteCode = inviteCode, JoinedAt = now, Status = DistributorStatus.Active,
    };

    /// <summary>Places this distributor (already saved, so with an id) under a parent, or at the root.</summary>
    internal void PlaceUnder(Distributor? parent)
    {
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Id + "/";
        Depth = (parent?.Depth ?? 0) + 1;
        Version++;
    }

    internal void Upgrade(int gradeId)
    {
        GradeId = gradeId;
        Version++;
    }

    public void Suspend(string? reason)
    {
        if (!IsActive)
        {
            throw new DomainException(CoreText.DistributorAlreadySuspended);
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 200)
        {
            throw new DomainException(CoreText.ReasonRequired, "Reason");
        }
        (Status, SuspendReason) = (DistributorStatus.Suspended, reason.Trim());
        Version++;
    }

    public void Restore()
    {
        if (IsActive)
        {
            throw new DomainException(CoreText.DistributorNotSuspended);
        }
        (Status, SuspendReason) = (DistributorStatus.Active, null);
        Version++;
    }
}

internal sealed class DistributorConfiguration : IEntityTypeConfiguration<Distributor>
{
    public void Configure(EntityTypeBuilder<Distributor> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(Distributor.NameMaxLength).IsRequired();
        builder.Property(d => d.Mobile).HasMaxLength(20).IsRequired();
        builder.Property(d => d.Region).HasMaxLength(60).IsRequired();
        builder.Property(d => d.InviteCode).HasMaxLength(ShortCodes.InviteLength).IsRequired();
        builder.Property(d => d.Path).HasMaxLength(200).IsRequired();
        builder.Property(d => d.SuspendReason).HasMaxLength(200);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.UserId).IsUnique();
        builder.HasIndex(d => d.InviteCode).IsUnique();
        builder.HasIndex(d => d.Path);
        builder.HasIndex(d => d.ParentId);
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Distributor>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
