using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution;

public enum AgentClass
{
    WeChat,
    Mobile,
    Desktop,
    Other,
}

/// <summary>One counted visit through a link. Visitors are kept only as a salted hash; bots and prefetches never get here.</summary>
public class PromotionClick
{
    protected PromotionClick()
    {
    }

    public long Id { get; private set; }

    public int LinkId { get; private set; }

    public int DistributorId { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>The business-local day, for unique visitors per day.</summary>
    public DateOnly Day { get; private set; }

    public string VisitorHash { get; private set; } = "";

    public AgentClass Agent { get; private set; }

    public string? ReferrerHost { get; private set; }

    /// <summary>True for the first click of this visitor on this link on this day.</summary>
    public bool FirstOfDay { get; private set; }

    internal static PromotionClick Record(int linkId, int distributorId, DateTime at, DateOnly day, string visitorHash, AgentClass agent,
        string? referrerHost, bool firstOfDay) => new()
    {
        LinkId = linkId, DistributorId = distributorId, At = at, Day = day, VisitorHash = visitorHash, Agent = agent,
        ReferrerHost = referrerHost, FirstOfDay = firstOfDay,
    };
}

internal sealed class PromotionClickConfiguration : IEntityTypeConfiguration<PromotionClick>
{
    public void Configure(EntityTypeBuilder<PromotionClick> builder)
    {
        builder.Property(c => c.VisitorHash).HasMaxLength(32).IsRequired();
        builder.Property(c => c.ReferrerHost).HasMaxLength(100);
        builder.HasIndex(c => new { c.LinkId, c.VisitorHash, c.Day });
        builder.HasIndex(c => new { c.DistributorId, c.At });
        builder.HasIndex(c => c.At);
        builder.HasOne<PromotionLink>().WithMany().HasForeignKey(c => c.LinkId).OnDelete(DeleteBehavior.Restrict);
    }
}
