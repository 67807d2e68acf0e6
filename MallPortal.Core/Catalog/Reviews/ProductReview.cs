using MallPortal.Core.Common;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MallPortal.Core.Catalog.Reviews;

/// <summary>A verified buyer's review of one bought order line (once per line), with the merchant's one reply.</summary>
public class ProductReview
{
    public const int TextMaxLength = 500;
    public const int ReplyMaxLength = 300;
    public const int MaxPhotos = 6;

    protected ProductReview()
    {
    }

    internal ProductReview(int orderLineId, int productId, int shopId, int buyerUserId, string specText, int rating, string? text,
        IReadOnlyList<string> photoPaths, DateTime now)
    {
        if (rating is < 1 or > 5)
        {
            throw new DomainException(CoreText.RatingRange, nameof(Rating));
        }
        text = (text ?? "").Trim();
        if (text.Length > TextMaxLength)
        {
            throw new DomainException(string.Format(CoreText.ReviewTextTooLong, TextMaxLength), nameof(Text));
        }
        (OrderLineId, ProductId, ShopId, BuyerUserId, SpecText, Rating, Text, CreatedAt) = (orderLineId, productId, shopId, buyerUserId, specText, rating, text, now);
        PhotoPaths = string.Join(';', photoPaths);
        HasPhotos = photoPaths.Count > 0;
    }

    public int Id { get; private set; }

    public int OrderLineId { get; private set; }

    public int ProductId { get; private set; }

    public int ShopId { get; private set; }

    public int BuyerUserId { get; private set; }

    public string SpecText { get; private set; } = "";

    public int Rating { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>File-store paths joined by ';' (at most six).</summary>
    public string PhotoPaths { get; private set; } = "";

    /// <summary>Kept as a column so the "有图" filter runs in SQL.</summary>
    public bool HasPhotos { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string? Reply { get; private set; }

    public DateTime? RepliedAt { get; private set; }

    public IReadOnlyList<string> Photos => PhotoPaths.Length == 0 ? [] : PhotoPaths.Split(';');

    internal void AddReply(string? reply, DateTime now)
    {
        reply = (reply ?? "").Trim();
        if (Reply is not null)
        {
            throw new DomainException(CoreText.ReviewAlreadyReplied, nameof(Reply));
        }
        if (reply.Length is 0 or > ReplyMaxLength)
        {
            throw new DomainException(string.Format(CoreText.ReplyLength, ReplyMaxLength), nameof(Reply));
        }
        (Reply, RepliedAt) = (reply, now);
    }
}

internal sealed class ProductReviewConfiguration : IEntityTypeConfiguration<ProductReview>
{
    public void Configure(EntityTypeBuilder<ProductReview> builder)
    {
        builder.Property(r => r.SpecText).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Text).HasMaxLength(ProductReview.TextMaxLength).IsRequired();
        builder.Property(r => r.PhotoPaths).HasMaxLength(1000).IsRequired();
        builder.Property(r => r.Reply).HasMaxLength(ProductReview.ReplyMaxLength);
        builder.Ignore(r => r.Photos);
        builder.HasIndex(r => r.OrderLineId).IsUnique();
        builder.HasIndex(r => new { r.ProductId, r.CreatedAt });
        builder.HasIndex(r => new { r.ShopId, r.CreatedAt });
        builder.HasOne<Orders.OrderLine>().WithMany().HasForeignKey(r => r.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
