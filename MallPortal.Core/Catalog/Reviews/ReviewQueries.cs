using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Catalog.Reviews;

/// <summary>Reviews on the product page (with the rating summary and a 有图 filter) and in the merchant's list.</summary>
public sealed class ReviewQueries(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<ReviewSummary> SummaryAsync(int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var byRating = await db.ProductReviews.Where(r => r.ProductId == productId).GroupBy(r => r.Rating)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var withPhotos = await db.ProductReviews.CountAsync(r => r.ProductId == productId && r.HasPhotos, cancellationToken);
        return new ReviewSummary(byRating, withPhotos);
    }

    public async Task<Page<ReviewRow>> ForProductAsync(int productId, bool withPhotosOnly, int page, int size, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reviews = db.ProductReviews.Where(r => r.ProductId == productId && (!withPhotosOnly || r.HasPhotos));
        return await PageAsync(db, reviews, page, size, cancellationToken);
    }

    public async Task<Page<ReviewRow>> ForShopAsync(Actor actor, bool unrepliedOnly, int page, int size, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var reviews = db.ProductReviews.Where(r => r.ShopId == shopId && (!unrepliedOnly || r.Reply == null));
        return await PageAsync(db, reviews, page, size, cancellationToken);
    }

    private static async Task<Page<ReviewRow>> PageAsync(MallDbContext db, IQueryable<ProductReview> reviews, int page, int size, CancellationToken cancellationToken)
    {
        var total = await reviews.CountAsync(cancellationToken);
        var rows = await (from r in reviews.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(Math.Max(page, 0) * size).Take(size)
                          join u in db.Users on r.BuyerUserId equals u.Id
                          join p in db.Products on r.ProductId equals p.Id
                          select new { Review = r, u.Nickname, u.AvatarPath, p.Title }).AsNoTracking().ToListAsync(cancellationToken);
        return new Page<ReviewRow>(rows.Select(x => new ReviewRow(x.Review.Id, x.Review.ProductId, x.Title, MaskName(x.Nickname), x.AvatarPath,
            x.Review.Rating, x.Review.Text, x.Review.SpecText, x.Review.Photos, x.Review.CreatedAt, x.Review.Reply, x.Review.RepliedAt)).ToList(), total);
    }

    // Reviews are public; the reviewer is shown as 张** like every Chinese mall does.
    private static string MaskName(string nickname) => nickname.Length <= 1 ? nickname + "**" : nickname[0] + "**" + (nickname.Length > 2 ? nickname[^1] : "");
}

public sealed record ReviewSummary(IReadOnlyDictionary<int, int> ByRating, int WithPhotos)
{
    public int Count => ByRating.Values.Sum();

    /// <summary>Average in tenths of a star (47 = 4.7), integer maths.</summary>
    public int AverageTenths => Count == 0 ? 0 : (int)Math.Round(ByRating.Sum(r => r.Key * r.Value) * 10m / Count, MidpointRounding.AwayFromZero);

    /// <summary>Share of 4 and 5 star reviews in percent (好评率).</summary>
    public int PositivePercent => Count == 0 ? 0 : (int)Math.Round((ByRating.GetValueOrDefault(4) + ByRating.GetValueOrDefault(5)) * 100m / Count, MidpointRounding.AwayFromZero);
}

public sealed record ReviewRow(int Id, int ProductId, string ProductTitle, string Reviewer, string? AvatarPath, int Rating, string Text, string SpecText,
    IReadOnlyList<string> Photos, DateTime CreatedAt, string? Reply, DateTime? RepliedAt);
