using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics.History;

internal sealed record DayDone(int Orders, int Refunds, int Attributed);

/// <summary>What every day of one run shares. <see cref="End"/> is the end of the history: its refunds are all decided before it.</summary>
internal sealed record HistoryPlan(HistoryCatalog Catalog, IReadOnlyList<HistoryBuyer> Buyers, HistoryOptions Options, int AfterSalesDays, DateTime Now,
    DateTime End);

/// <summary>
/// Business-local days of history, a batch in one transaction: the orders first (their ids are needed), then their
/// settlement, refunds and attributions. Each day draws from its own generator seeded by the seed and the date, so a day
/// comes out the same whatever range or batch it is part of. Commission rows are not written: history brought by
/// distributors shows in the channel and distributor figures but pays nobody (an invented commission would need invented
/// settlements, withdrawals and grades to keep the distributors' ledgers true). Stock is not touched: the goods were sold
/// before today's stock was counted.
/// </summary>
internal sealed class HistoryDay(IDbContextFactory<MallDbContext> contexts, BusinessTimeZone zone, HistoryPlan plan)
{
    public const string NumberPrefix = "H";

    private const int SaveChunk = 200;

    private static readonly string[] RefundReasons = ["不想要了", "拍错了/多拍了", "商家发货太慢", "地址填写错误", "在别处买到更便宜的"];

    public async Task<DayDone> WriteAsync(IReadOnlyList<DateOnly> days, DateOnly end, CancellationToken cancellationToken)
    {
        var sales = days.SelectMany(day => Sales(day, end, new Random(unchecked(plan.Options.Seed * 1_000_003 + day.DayNumber)))).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // EF sorts a save's inserts by their dependencies, which grows faster than the orders: a few hundred at a time is quickest.
        foreach (var chunk in sales.Chunk(SaveChunk))
        {
            db.Orders.AddRange(chunk.Select(s => s.Order));
            await db.SaveChangesAsync(cancellationToken);
        }
        var ledger = new HistoryLedger(db, plan.AfterSalesDays, plan.Now);
        foreach (var sale in sales)
        {
            ledger.Paid(sale);
            if (sale.RefundAt is not null)
            {
                ledger.Refund(sale, "HR" + sale.Order.Number[1..]);
            }
            if (sale.Distributor is { } distributor)
            {
                // A sale through a channel came through one of the distributor's links, with its visits; without one, a bound customer.
                var link = sale.Channel is null ? null : HistoryVisits.LinkFor(distributor, sale.Channel);
                db.OrderAttributions.Add(OrderAttribution.Snapshot(sale.Order, distributor.Id, distributor.ParentId is { } parent ? [parent] : [], link?.Id,
                    link?.Channel, false, sale.Order.PlacedAt));
                if (link is { } used)
                {
                    db.PromotionClicks.AddRange(HistoryVisits.Of(sale, used.Id, distributor.Id, zone));
                }
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await ledger.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DayDone(sales.Count, sales.Count(s => s.RefundAt is not null), sales.Count(s => s.Distributor is not null));
    }

    /// <summary>Each shop's orders of the day: the day's demand times the shop's size, give or take 15 %.</summary>
    private List<HistorySale> Sales(DateOnly day, DateOnly end, Random random)
    {
        var sales = new List<HistorySale>();
        var demand = HistoryCalendar.Demand(day, end);
        for (var i = 0; i < plan.Catalog.Shops.Count; i++)
        {
            // The first shop is the biggest; each further one sells about a quarter less.
            var mean = plan.Options.OrdersPerShopDay * demand * Math.Pow(0.75, i);
            var count = (int)Math.Round(mean * (0.85 + 0.3 * random.NextDouble()));
            for (var n = 0; n < count; n++)
            {
                sales.Add(Sale(plan.Catalog.Shops[i], day, sales.Count + 1, random));
            }
        }
        return sales.OrderBy(s => s.Order.PaidAt).ToList();
    }

    private HistorySale Sale(HistoryShop shop, DateOnly day, int sequence, Random random)
    {
        var localPaidAt = day.ToDateTime(TimeOnly.MinValue) + HistoryCalendar.TimeOfDay(day, random);
        var paidAt = zone.ToUtc(localPaidAt);
        var buyer = plan.Buyers[random.Next(plan.Buyers.Count)];
        var gateway = HistorySales.PickGateway(random);
        var cod = Orders.Payments.CashOnDeliveryGateway.Is(gateway);
        var placedAt = cod ? paidAt.AddHours(-(24 + random.Next(48))) : paidAt.AddSeconds(-(30 + random.Next(900)));
        var number = HistorySales.Number(NumberPrefix, localPaidAt, sequence);
        var order = HistorySales.Place(shop, buyer, gateway, number, "HP" + number[1..], placedAt, random);
        var refundAt = cod || random.Next(100) >= plan.Options.RefundPercent ? (DateTime?)null : paidAt.AddHours(24 + random.Next(48)).AddMinutes(random.Next(60));
        // Refunds stay inside the history, so nothing of it lands on today (today's bills and rollups are the live ones).
        refundAt = refundAt < plan.End ? refundAt : null;
        DateTime? completedAt = null;
        if (cod)
        {
            completedAt = HistorySales.CollectCashAndComplete(order, shop, paidAt, plan.Now, random);
        }
        else
        {
            HistorySales.PayOnline(order, paidAt);
            completedAt = refundAt is null ? HistorySales.ShipAndComplete(order, shop, paidAt, plan.Now, random) : null;
        }
        var attributed = plan.Catalog.Distributors.Count > 0 && random.Next(100) < plan.Options.AttributedPercent;
        return new HistorySale(order, shop, completedAt, refundAt,
            attributed ? plan.Catalog.Distributors[random.Next(plan.Catalog.Distributors.Count)] : null, attributed ? HistoryChannels.Pick(random) : null)
        {
            RefundAskedAt = refundAt is { } at ? paidAt + (at - paidAt) * (0.2 + 0.6 * random.NextDouble()) : default,
            RefundReason = RefundReasons[random.Next(RefundReasons.Length)],
        };
    }
}
