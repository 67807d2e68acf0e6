using System.Runtime.CompilerServices;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Orders;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Analytics;

/// <summary>What a chart's bar or slice stands for: the paid orders of a period under one key. The rows add up to the
/// figure clicked: whole orders for order dimensions, only the matching lines for category, brand and product.</summary>
public sealed record SalesDrill(int? ShopId, DateRange Range, SalesDimension Dimension, string Key);

public sealed record SalesOrderRow(int OrderId, string Number, DateTime PaidAt, string ShopName, string Items, int Units, long AmountFen, OrderStatus Status)
{
    public Money Amount => new(AmountFen);
}

/// <summary>A page of a drill with the totals of all its rows and the name of the key clicked.</summary>
public sealed record SalesOrderList(Page<SalesOrderRow> Page, int Units, long AmountFen, string Name)
{
    public Money Amount => new(AmountFen);
}

public sealed class SalesDrillQueries(IDbContextFactory<MallDbContext> contexts, BusinessTimeZone zone)
{
    private const int Batch = 500;

    public async Task<SalesOrderList> OrdersAsync(Actor actor, SalesDrill drill, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Matching(db, await SalesScope.OfAsync(db, actor, drill.ShopId, cancellationToken), drill);
        var count = await matching.CountAsync(cancellationToken);
        var rows = await RowsAsync(db, drill, matching.OrderByDescending(o => o.PaidAt).ThenByDescending(o => o.Id).Skip(page * pageSize).Take(pageSize),
            cancellationToken);
        var lines = Lines(db, drill, matching);
        var units = await lines.SumAsync(l => l.Quantity, cancellationToken);
        // Only a line dimension needs the lines' amounts (read, not summed in SQL: Money is a converted column).
        var amount = drill.Dimension.CountsLines()
            ? (await lines.Select(l => l.Amount).ToListAsync(cancellationToken)).Sum(a => a.Fen)
            : await matching.SumAsync(o => o.TotalFen, cancellationToken);
        var name = (await SalesNames.OfAsync(db, drill.Dimension, [drill.Key], cancellationToken))[drill.Key];
        return new SalesOrderList(new Page<SalesOrderRow>(rows, count), units, amount, name);
    }

    /// <summary>Every row of a drill, newest first, read in batches so an export of a long range is never held in memory.
    /// Who may see it is checked before the first row (a refusal is an exception here, not a broken download).</summary>
    public async Task<IAsyncEnumerable<SalesOrderRow>> StreamAsync(Actor actor, SalesDrill drill, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = await SalesScope.OfAsync(db, actor, drill.ShopId, cancellationToken);
        Matching(db, scope, drill);
        return StreamAsync(scope, drill, cancellationToken);
    }

    private async IAsyncEnumerable<SalesOrderRow> StreamAsync(SalesScope scope, SalesDrill drill, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Matching(db, scope, drill).OrderByDescending(o => o.PaidAt).ThenByDescending(o => o.Id);
        for (var skip = 0; ; skip += Batch)
        {
            var rows = await RowsAsync(db, drill, matching.Skip(skip).Take(Batch), cancellationToken);
            foreach (var row in rows)
            {
                yield return row;
            }
            if (rows.Count < Batch)
            {
                yield break;
            }
        }
    }

    private IQueryable<Order> Matching(MallDbContext db, SalesScope scope, SalesDrill drill)
    {
        var orders = scope.PaidOrders(db, zone.StartOfDayUtc(drill.Range.From), zone.StartOfDayUtc(drill.Range.To.AddDays(1)));
        var id = int.TryParse(drill.Key, out var parsed) ? parsed : -1;
        var attributions = db.OrderAttributions;
        return drill.Dimension switch
        {
            SalesDimension.Total => orders,
            SalesDimension.Channel when drill.Key == RollupBuilder.Direct => orders.Where(o => !attributions.Any(a => a.OrderId == o.Id)),
            SalesDimension.Channel when drill.Key == RollupBuilder.Bound => orders.Where(o => attributions.Any(a => a.OrderId == o.Id && a.Channel == null)),
            SalesDimension.Channel when Enum.TryParse<ShareChannel>(drill.Key, out var channel) =>
                orders.Where(o => attributions.Any(a => a.OrderId == o.Id && a.Channel == channel)),
            SalesDimension.Payment => orders.Where(o => o.PaymentMethod == drill.Key),
            SalesDimension.Province => orders.Where(o => o.RecipientProvince == drill.Key),
            SalesDimension.Distributor => orders.Where(o => attributions.Any(a => a.OrderId == o.Id && a.DistributorId == id)),
            SalesDimension.Category or SalesDimension.Brand or SalesDimension.Product =>
                orders.Where(o => Lines(db, drill, db.Orders).Any(l => l.OrderId == o.Id)),
            _ => throw new DomainException(CoreText.SalesDrillNotAvailable),
        };
    }

    /// <summary>The lines that count: all lines of the orders, or for a line dimension only those under the key.</summary>
    private static IQueryable<OrderLine> Lines(MallDbContext db, SalesDrill drill, IQueryable<Order> orders)
    {
        var id = int.TryParse(drill.Key, out var parsed) ? parsed : -1;
        var lines = db.OrderLines.Where(l => orders.Any(o => o.Id == l.OrderId));
        return drill.Dimension switch
        {
            SalesDimension.Category => lines.Where(l => db.Products.Any(p => p.Id == l.ProductId && p.CategoryId == id)),
            SalesDimension.Brand => lines.Where(l => db.Products.Any(p => p.Id == l.ProductId && (p.BrandId ?? 0) == id)),
            SalesDimension.Product => lines.Where(l => l.ProductId == id),
            _ => lines,
        };
    }

    private static async Task<List<SalesOrderRow>> RowsAsync(MallDbContext db, SalesDrill drill, IQueryable<Order> page, CancellationToken cancellationToken)
    {
        var orders = await page.Select(o => new { o.Id, o.Number, PaidAt = o.PaidAt!.Value, Shop = db.Shops.Where(s => s.Id == o.ShopId).Select(s => s.Name).First(), o.TotalFen, o.Status })
            .ToListAsync(cancellationToken);
        var ids = orders.Select(o => o.Id).ToList();
        var lines = (await Lines(db, drill, db.Orders.Where(o => ids.Contains(o.Id))).Select(l => new { l.OrderId, l.Title, l.Quantity, l.Amount })
            .ToListAsync(cancellationToken)).ToLookup(l => l.OrderId);
        return orders.Select(o =>
        {
            var mine = lines[o.Id].ToList();
            var items = mine.Count switch { 0 => "", 1 => mine[0].Title, _ => string.Format(CoreText.SalesItemsAndMore, mine[0].Title, mine.Count) };
            var amount = drill.Dimension.CountsLines() ? mine.Sum(l => l.Amount.Fen) : o.TotalFen;
            return new SalesOrderRow(o.Id, o.Number, o.PaidAt, o.Shop, items, mine.Sum(l => l.Quantity), amount, o.Status);
        }).ToList();
    }
}
