using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution;

public enum AuditKind
{
    /// <summary>A customer bound to a distributor for the first time.</summary>
    FirstBind,

    /// <summary>A customer moved to another distributor by a new link (last-touch, or after the old one expired).</summary>
    Rebind,

    /// <summary>A customer's binding ran out; found when the customer next came through a link or checked out.</summary>
    Expired,

    /// <summary>The admin moved a distributor under another parent.</summary>
    ParentMoved,

    /// <summary>A distributor joined under an inviter (or at the root).</summary>
    Joined,
}

/// <summary>Every change of who belongs to whom: customer bindings and the distributor tree. Append-only.</summary>
public class DistributionAudit
{
    protected DistributionAudit()
    {
    }

    public long Id { get; private set; }

    public AuditKind Kind { get; private set; }

    /// <summary>The customer whose binding changed; null for tree changes.</summary>
    public int? CustomerUserId { get; private set; }

    /// <summary>The distributor who moved (tree changes); null for bindings.</summary>
    public int? SubjectDistributorId { get; private set; }

    public int? OldDistributorId { get; private set; }

    public int? NewDistributorId { get; private set; }

    /// <summary>Who did it; null when the system did (a link, a checkout).</summary>
    public int? ActorUserId { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTime At { get; private set; }

    internal static DistributionAudit Binding(AuditKind kind, int customerUserId, int? oldId, int? newId, string reason, DateTime at) =>
        new() { Kind = kind, CustomerUserId = customerUserId, OldDistributorId = oldId, NewDistributorId = newId, Reason = reason, At = at };

    internal static DistributionAudit Tree(AuditKind kind, int subjectId, int? oldParentId, int? newParentId, int? actorUserId, string reason, DateTime at) =>
        new()
        {
            Kind = kind, SubjectDistributorId = subjectId, OldDistributorId = oldParentId, NewDistributorId = newParentId,
            ActorUserId = actorUserId, Reason = reason, At = at,
        };
}

internal sealed class DistributionAuditConfiguration : IEntityTypeConfiguration<DistributionAudit>
{
    public void Configure(EntityTypeBuilder<DistributionAudit> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.CustomerUserId);
    }
}
