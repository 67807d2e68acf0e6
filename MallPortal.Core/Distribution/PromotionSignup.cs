using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution;

/// <summary>An account registered while a link's attribution cookie was set: the funnel's "registrations" step.</summary>
public class PromotionSignup
{
    protected PromotionSignup()
    {
    }

    public int Id { get; private set; }

    public int LinkId { get; private set; }

    public int DistributorId { get; private set; }

    public int UserId { get; private set; }

    public DateTime At { get; private set; }

    internal static PromotionSignup Record(int linkId, int distributorId, int userId, DateTime at) =>
        new() { LinkId = linkId, DistributorId = distributorId, UserId = userId, At = at };
}

internal sealed class PromotionSignupConfiguration : IEntityTypeConfiguration<PromotionSignup>
{
    public void Configure(EntityTypeBuilder<PromotionSignup> builder)
    {
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.HasIndex(s => new { s.DistributorId, s.At });
        builder.HasIndex(s => s.LinkId);
        builder.HasOne<PromotionLink>().WithMany().HasForeignKey(s => s.LinkId).OnDelete(DeleteBehavior.Restrict);
    }
}
