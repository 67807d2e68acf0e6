using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using MallPortal.Core.Notifications;
using MallPortal.Core.Orders;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Catalog.Reviews;

/// <summary>Only the buyer of a completed order reviews its lines, each once; the shop that sold it replies once.</summary>
public sealed class ReviewService(IDbContextFactory<MallDbContext> contexts, IFileStore files, NotificationService notifications, TimeProvider clock)
{
    public const long MaxPhotoBytes = 5 * 1024 * 1024;
    public const int PhotoSize = 800;

    public async Task<ReviewTarget> GetTargetAsync(Actor actor, int orderLineId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (order, line) = await ReviewableAsync(db, actor, orderLineId, cancellationToken);
        return new ReviewTarget(order.Number, line.Id, line.ProductId, line.Title, line.SpecText, line.ImagePath);
    }

    public async Task<int> SubmitAsync(Actor actor, int orderLineId, int rating, string? text, IReadOnlyList<byte[]> photos,
        CancellationToken cancellationToken = default)
    {
        if (photos.Count > ProductReview.MaxPhotos)
        {
            throw new DomainException(string.Format(CoreText.TooManyReviewPhotos, ProductReview.MaxPhotos), "Photos");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (order, line) = await ReviewableAsync(db, actor, orderLineId, cancellationToken);
        var jpegs = photos.Select(p => ImageCheck.ToJpeg(p, MaxPhotoBytes, PhotoSize, "Photos")).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var paths = jpegs.Select(_ => $"reviews/{line.ProductId}-{Guid.NewGuid():N}.jpg").ToList();
        var review = new ProductReview(line.Id, line.ProductId, order.ShopId, actor.UserId, line.SpecText, rating, text, paths, now);
        for (var i = 0; i < jpegs.Count; i++)
        {
            await files.SaveAsync(paths[i], jpegs[i], cancellationToken);
        }
        line.MarkReviewed(now);
        db.ProductReviews.Add(review);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(CoreText.AlreadyReviewed);
        }
        return review.Id;
    }

    public async Task ReplyAsync(Actor actor, int reviewId, string? reply, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var review = await db.ProductReviews.SingleOrDefaultAsync(r => r.Id == reviewId && r.ShopId == shopId, cancellationToken)
            ?? throw new DomainException(CoreText.ReviewNotFound);
        review.AddReply(reply, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var title = await db.Products.Where(p => p.Id == review.ProductId).Select(p => p.Title).SingleAsync(cancellationToken);
        await notifications.NotifyAsync(review.BuyerUserId, NotificationTemplates.ReviewReplied,
            new Dictionary<string, string> { ["product"] = title, ["reply"] = review.Reply! }, $"/product/{review.ProductId}", cancellationToken);
    }

    private static async Task<(Order Order, OrderLine Line)> ReviewableAsync(MallDbContext db, Actor actor, int orderLineId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.BuyerUserId == actor.UserId && o.Lines.Any(l => l.Id == orderLineId), cancellationToken)
            ?? throw new DomainException(CoreText.ReviewNotAllowed);
        var line = order.Lines.Single(l => l.Id == orderLineId);
        if (order.Status != OrderStatus.Completed)
        {
            throw new DomainException(CoreText.ReviewNotAllowed);
        }
        if (line.ReviewedAt is not null)
        {
            throw new DomainException(CoreText.AlreadyReviewed);
        }
        return (order, line);
    }
}

public sealed record ReviewTarget(string OrderNumber, int OrderLineId, int ProductId, string Title, string SpecText, string? ImagePath);
