using MallPortal.Core.Common;
using MallPortal.Core.Distribution;

namespace MallPortal.Core.Analytics.History;

/// <summary>
/// The visits behind a generated order a distributor's link brought: the buyer's and a few others' the same day before it,
/// so 推广访客 and 推广转化率 of the history read like a real shop's (roughly one order in five to twenty-five visitors).
/// </summary>
internal static class HistoryVisits
{
    private static readonly AgentClass[] Agents = [AgentClass.WeChat, AgentClass.WeChat, AgentClass.Mobile, AgentClass.Mobile, AgentClass.Desktop];

    /// <summary>The distributor's link for the sale's channel (or its first link), or none when it has no link.</summary>
    public static (int Id, ShareChannel Channel)? LinkFor(HistoryDistributor distributor, ShareChannel? channel) =>
        distributor.Links.Count == 0 ? null : distributor.Links.FirstOrDefault(l => l.Channel == channel, distributor.Links[0]);

    public static IEnumerable<PromotionClick> Of(HistorySale sale, int linkId, int distributorId, BusinessTimeZone zone)
    {
        var placed = sale.Order.PlacedAt;
        var random = new Random(int.Parse(sale.Order.Number[^9..]));
        var sinceMidnight = placed - zone.StartOfDayUtc(DateOnly.FromDateTime(zone.ToLocal(placed)));
        var visitors = 5 + random.Next(21);
        for (var i = 0; i < visitors; i++)
        {
            var at = placed - TimeSpan.FromSeconds(random.NextDouble() * sinceMidnight.TotalSeconds);
            yield return PromotionClick.Record(linkId, distributorId, at, DateOnly.FromDateTime(zone.ToLocal(at)),
                $"history-{random.NextInt64():x16}", Agents[random.Next(Agents.Length)], null, true);
        }
    }
}
