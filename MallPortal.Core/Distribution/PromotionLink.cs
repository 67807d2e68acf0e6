using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Distribution;

public enum LinkTarget
{
    Home,
    Shop,
    Product,
}

public enum ShareChannel
{
    WeChat,
    Weibo,
    Douyin,
    QQ,
    CopyLink,
    Poster,
}

/// <summary>A distributor's link (/r/{code}) to the home page, a shop or a product, for one channel.</summary>
public class PromotionLink
{
    protected PromotionLink()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public int DistributorId { get; private set; }

    public LinkTarget Target { get; private set; }

    /// <summary>The shop's or product's id; 0 for the home page (so one unique index covers reuse).</summary>
    public int TargetId { get; private set; }

    public ShareChannel Channel { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Copies of the link and downloads of its QR code or poster.</summary>
    public int Shares { get; private set; }

    internal static PromotionLink Create(string code, int distributorId, LinkTarget target, int targetId, ShareChannel channel, DateTime now) =>
        new() { Code = code, DistributorId = distributorId, Target = target, TargetId = targetId, Channel = channel, CreatedAt = now };

    public string TargetPath => PathOf(Target, TargetId);

    public static string PathOf(LinkTarget target, int targetId) => target switch
    {
        LinkTarget.Product => $"/product/{targetId}",
        LinkTarget.Shop => $"/shop/{targetId}",
        _ => "/",
    };
}

internal sealed class PromotionLinkConfiguration : IEntityTypeConfiguration<PromotionLink>
{
    public void Configure(EntityTypeBuilder<PromotionLink> builder)
    {
        builder.Property(l => l.Code).HasMaxLength(ShortCodes.LinkLength).IsRequired();
        builder.HasIndex(l => l.Code).IsUnique();
        builder.HasIndex(l => new { l.DistributorId, l.Target, l.TargetId, l.Channel }).IsUnique();
        builder.Ignore(l => l.TargetPath);
        builder.HasOne<Distributor>().WithMany().HasForeignKey(l => l.DistributorId).OnDelete(DeleteBehavior.Restrict);
    }
}
