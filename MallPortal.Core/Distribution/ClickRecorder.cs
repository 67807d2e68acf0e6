using System.Threading.Channels;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>
/// Clicks on /r/{code} are queued here so the redirect answers at once; a background loop in the host drains the queue in
/// batches (and once more at shutdown). A full queue (a flood far beyond any real campaign) drops the newest clicks.
/// </summary>
public sealed class ClickRecorder(IDbContextFactory<MallDbContext> contexts, DistributionSettingsStore settingsStore, ILiveUpdates live,
    BusinessTimeZone timeZone)
{
    public const int Capacity = 20_000;

    /// <summary>The same visitor on the same link within this time is one click (a flood counts once).</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(10);

    private readonly Channel<ClickInput> _queue = Channel.CreateBounded<ClickInput>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<ClickInput> Pending => _queue.Reader;

    public bool Enqueue(ClickInput click) => _queue.Writer.TryWrite(click);

    /// <summary>Writes a batch: repeats dropped, first-of-day marked, signed-in visitors bound; then tells the distributors' pages.</summary>
    public async Task FlushAsync(IReadOnlyList<ClickInput> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var settings = await settingsStore.GetAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var linkIds = batch.Select(c => c.LinkId).Distinct().ToList();
        var links = await (from l in db.PromotionLinks
                           join d in db.Distributors on l.DistributorId equals d.Id
                           where linkIds.Contains(l.Id)
                           select new { l.Id, l.DistributorId, l.Channel, d.UserId, d.Status }).ToDictionaryAsync(l => l.Id, cancellationToken);
        var since = batch.Min(c => c.At) - RepeatWindow;
        var hashes = batch.Select(c => VisitorClassifier.Hash(settings.VisitorSalt, c.VisitorKey)).Distinct().ToList();
        var recent = await db.PromotionClicks.Where(c => linkIds.Contains(c.LinkId) && hashes.Contains(c.VisitorHash) && c.At >= since.AddDays(-1))
            .Select(c => new { c.LinkId, c.VisitorHash, c.At, c.Day }).ToListAsync(cancellationToken);
        var seen = recent.Select(r => (r.LinkId, r.VisitorHash, r.At, r.Day)).ToList();
        var touched = new HashSet<int>();
        foreach (var click in batch.OrderBy(c => c.At))
        {
            if (!links.TryGetValue(click.LinkId, out var link))
            {
                continue;
            }
            var hash = VisitorClassifier.Hash(settings.VisitorSalt, click.VisitorKey);
            if (seen.Any(s => s.LinkId == click.LinkId && s.VisitorHash == hash && s.At > click.At - RepeatWindow))
            {
                continue;
            }
            var day = DateOnly.FromDateTime(timeZone.ToLocal(click.At));
            var first = !seen.Any(s => s.LinkId == click.LinkId && s.VisitorHash == hash && s.Day == day);
            db.PromotionClicks.Add(PromotionClick.Record(click.LinkId, link.DistributorId, click.At, day, hash, click.Agent, click.ReferrerHost, first));
            seen.Add((click.LinkId, hash, click.At, day));
            touched.Add(link.DistributorId);
            if (click.UserId is { } userId && link.Status == DistributorStatus.Active)
            {
                await AttributionService.BindAsync(db, settings.ToInput(), userId, new BindingCandidate(link.DistributorId, link.UserId, link.Id, link.Channel),
                    BindingSource.Link, click.At, cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (touched.Count > 0)
        {
            await live.PublishAsync(new PromotionActivity(touched.ToList()), cancellationToken);
        }
    }
}

/// <summary>A click as the redirect saw it; the visitor key is hashed before anything is stored.</summary>
public sealed record ClickInput(int LinkId, DateTime At, string VisitorKey, AgentClass Agent, string? ReferrerHost, int? UserId);
