using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution.Risk;

/// <summary>
/// A sign-in's device and public network, each kept only as a salted hash (never the cookie or the address itself), so that
/// a buyer and a distributor on one phone or one home network can be told apart from strangers (decision 0010).
/// </summary>
public class SignInTrace
{
    protected SignInTrace()
    {
    }

    internal SignInTrace(int userId, string? deviceHash, string? networkHash, DateTime at) =>
        (UserId, DeviceHash, NetworkHash, At) = (userId, deviceHash, networkHash, at);

    public long Id { get; private set; }

    public int UserId { get; private set; }

    public string? DeviceHash { get; private set; }

    public string? NetworkHash { get; private set; }

    public DateTime At { get; private set; }
}

internal sealed class SignInTraceConfiguration : IEntityTypeConfiguration<SignInTrace>
{
    public void Configure(EntityTypeBuilder<SignInTrace> builder)
    {
        builder.Property(t => t.DeviceHash).HasMaxLength(64);
        builder.Property(t => t.NetworkHash).HasMaxLength(64);
        builder.HasIndex(t => new { t.UserId, t.At });
        builder.HasOne<Accounts.MallUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
