using System.Collections.Concurrent;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Files;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>A distributor's links (made once per target and channel, reused after), their shares, QR codes and posters.</summary>
public sealed class PromotionService(IDbContextFactory<MallDbContext> contexts, IFileStore files, PosterRenderer posters, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, LinkRoute> _routes = new();

    public async Task<LinkCard> CreateLinkAsync(Actor actor, LinkTarget target, int targetId, ShareChannel channel, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await DistributorLookup.OwnAsync(db, actor, cancellationToken);
        if (!me.IsActive)
        {
            throw new DomainException(CoreText.DistributorSuspendedCannotPromote);
        }
        targetId = target == LinkTarget.Home ? 0 : targetId;
        var title = await TitleOfAsync(db, target, targetId, cancellationToken);
        var existing = await db.PromotionLinks.AsNoTracking().SingleOrDefaultAsync(
            l => l.DistributorId == me.Id && l.Target == target && l.TargetId == targetId && l.Channel == channel, cancellationToken);
        if (existing is not null)
        {
            return new LinkCard(existing.Code, target, targetId, channel, title, existing.Shares);
        }
        for (var attempt = 0; ; attempt++)
        {
            var link = PromotionLink.Create(ShortCodes.New(ShortCodes.LinkLength), me.Id, target, targetId, channel, clock.GetUtcNow().UtcDateTime);
            db.PromotionLinks.Add(link);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new LinkCard(link.Code, target, targetId, channel, title, 0);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A code drawn twice, or the same link made at the same moment in another tab: look again.
                db.ChangeTracker.Clear();
                if (await db.PromotionLinks.AsNoTracking().SingleOrDefaultAsync(
                        l => l.DistributorId == me.Id && l.Target == target && l.TargetId == targetId && l.Channel == channel, cancellationToken) is { } made)
                {
                    return new LinkCard(made.Code, target, targetId, channel, title, made.Shares);
                }
            }
        }
    }

    /// <summary>A copy of the link, or a download of its QR code or poster, by its owner.</summary>
    public Task RecordShareAsync(Actor actor, string code, CancellationToken cancellationToken = default) =>
        CheckOwnAsync(actor, code, true, cancellationToken);

    /// <summary>Throws unless the link is the actor's own; counts a share when <paramref name="share"/>.</summary>
    public async Task CheckOwnAsync(Actor actor, string code, bool share, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await DistributorLookup.OwnAsync(db, actor, cancellationToken);
        var mine = db.PromotionLinks.Where(l => l.Code == code && l.DistributorId == me.Id);
        var found = share
            ? await mine.ExecuteUpdateAsync(s => s.SetProperty(l => l.Shares, l => l.Shares + 1), cancellationToken) > 0
            : await mine.AnyAsync(cancellationToken);
        if (!found)
        {
            throw new DomainException(CoreText.LinkNotFound);
        }
    }

    /// <summary>Where /r/{code} goes; null for a code that is not ours. Kept in memory: redirects must not wait on the database.</summary>
    public async Task<LinkRoute?> RouteAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (!ShortCodes.TryNormalize(code, ShortCodes.LinkLength, out var normalized))
        {
            return null;
        }
        if (_routes.TryGetValue(normalized, out var cached) && cached.LoadedAt > clock.GetUtcNow().UtcDateTime.AddMinutes(-1))
        {
            return cached;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await (from l in db.PromotionLinks
                         join d in db.Distributors on l.DistributorId equals d.Id
                         where l.Code == normalized
                         select new { l.Id, l.Target, l.TargetId, l.DistributorId, d.Status }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        return _routes[normalized] = new LinkRoute(row.Id, normalized, PromotionLink.PathOf(row.Target, row.TargetId), row.Status == DistributorStatus.Active, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Forgets cached routes, so a suspension or restoration takes effect at the next click.</summary>
    public void ForgetRoutes() => _routes.Clear();

    public async Task<PosterResult> PosterAsync(Actor actor, string code, string baseUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = await DistributorLookup.OwnAsync(db, actor, cancellationToken);
        var link = await db.PromotionLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Code == code && l.DistributorId == me.Id, cancellationToken)
            ?? throw new DomainException(CoreText.LinkNotFound);
        var nickname = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Nickname).SingleAsync(cancellationToken);
        var url = $"{baseUrl.TrimEnd('/')}/r/{link.Code}";
        var content = link.Target switch
        {
            LinkTarget.Product => await (from p in db.Products
                                         where p.Id == link.TargetId
                                         select new PosterContent("好物推荐", p.Title, new Money(p.MinPriceFen), new Money(p.MinPriceOriginalFen), nickname, url,
                                             null)).SingleAsync(cancellationToken),
            LinkTarget.Shop => new PosterContent("好店推荐", await db.Shops.Where(s => s.Id == link.TargetId).Select(s => s.Name).SingleAsync(cancellationToken),
                null, null, nickname, url, null),
            _ => new PosterContent("MallPortal 商城", "品质好物，一站购齐", null, null, nickname, url, null),
        };
        var picturePath = link.Target == LinkTarget.Product
            ? await db.Set<ProductImage>().Where(i => i.ProductId == link.TargetId).OrderBy(i => i.SortOrder).Select(i => i.Path).FirstOrDefaultAsync(cancellationToken)
            : null;
        return posters.Draw(content with { Picture = await ReadAsync(picturePath, cancellationToken) });
    }

    private async Task<byte[]?> ReadAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null || await files.OpenReadAsync(path, cancellationToken) is not { } stream)
        {
            return null;
        }
        await using (stream)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
    }

    private static async Task<string> TitleOfAsync(MallDbContext db, LinkTarget target, int targetId, CancellationToken cancellationToken) => target switch
    {
        LinkTarget.Product => await db.Products.Where(p => p.Id == targetId && p.Status == ProductStatus.OnSale).Select(p => p.Title)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new DomainException(CoreText.LinkProductNotOnSale, "Target"),
        LinkTarget.Shop => await db.Shops.Where(s => s.Id == targetId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(CoreText.LinkShopNotFound, "Target"),
        _ => "商城首页",
    };
}

public sealed record LinkCard(string Code, LinkTarget Target, int TargetId, ShareChannel Channel, string Title, int Shares)
{
    public string ShortPath => $"/r/{Code}";
}

public sealed record LinkRoute(int LinkId, string Code, string TargetPath, bool Attributes, DateTime LoadedAt);
