using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>Parcels for the order pages (every role that may see the order) and the merchant's logistics queue (own shop only).</summary>
public sealed class ShipmentQueries(IDbContextFactory<MallDbContext> contexts)
{
    public async Task<Page<ShipmentRow>> ListAsync(Actor actor, ShipmentTab tab, int page, int size, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shipments = Tab(await MineAsync(db, actor, cancellationToken), tab);
        var total = await shipments.CountAsync(cancellationToken);
        var rows = await (from s in shipments
                          join o in db.Orders on s.OrderId equals o.Id
                          orderby s.ProblemSince descending, s.ShippedAt descending, s.Id descending
                          select new ShipmentRow(s.Id, o.Number, s.Sequence, s.CarrierCode, s.TrackingNumber, s.Status, s.Problem, s.ProblemSince,
                              s.ProblemNote, s.LastScanAt, s.LastScan, s.ShippedAt, o.RecipientName, o.RecipientCity, o.RecipientDistrict, s.Tracking))
            .Skip(Math.Max(page, 0) * size).Take(size).AsNoTracking().ToListAsync(cancellationToken);
        return new Page<ShipmentRow>(rows, total);
    }

    /// <summary>The parcels per tab, and which shop they are (so a page can follow that shop's live changes).</summary>
    public async Task<ShipmentCounts> CountsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        var mine = db.Shipments.Where(s => s.ShopId == shopId);
        var counts = new Dictionary<ShipmentTab, int>();
        foreach (var tab in Enum.GetValues<ShipmentTab>())
        {
            counts[tab] = await Tab(mine, tab).CountAsync(cancellationToken);
        }
        return new ShipmentCounts(shopId, counts);
    }

    /// <summary>An order's parcels with their lines and traces, newest scan first.</summary>
    internal static async Task<IReadOnlyList<ShipmentView>> ForOrderAsync(MallDbContext db, Order order, CancellationToken cancellationToken)
    {
        var shipments = await db.Shipments.AsNoTracking().Include(s => s.Lines).Include(s => s.Events).AsSplitQuery()
            .Where(s => s.OrderId == order.Id).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        return shipments.Select(s => new ShipmentView(s.Id, s.Sequence, s.CarrierName, s.TrackingNumber, s.Status, s.Problem, s.ProblemNote,
            s.ShippedAt, s.SignedAt, s.Tracking, s.TrackingEnded,
            s.Lines.Select(l => order.Lines.Single(o => o.Id == l.OrderLineId) is var line ? new ShipmentLineView(line.Id, line.Title, line.SpecText, l.Quantity) : null!).ToList(),
            s.Events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => new TraceView(e.At, e.Context, e.Place, e.State, e.Manual)).ToList())).ToList();
    }

    private static async Task<IQueryable<Shipment>> MineAsync(MallDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        var shopId = await ProductService.ShopOfAsync(db, actor, cancellationToken);
        return db.Shipments.Where(s => s.ShopId == shopId);
    }

    private static IQueryable<Shipment> Tab(IQueryable<Shipment> shipments, ShipmentTab tab) => tab switch
    {
        ShipmentTab.Problems => shipments.Where(s => s.Problem != ShipmentProblem.None),
        ShipmentTab.OnTheWay => shipments.Where(s => s.Status != ShipmentStatus.Signed && s.Status != ShipmentStatus.Returned),
        ShipmentTab.Signed => shipments.Where(s => s.Status == ShipmentStatus.Signed),
        _ => shipments,
    };
}

public enum ShipmentTab
{
    Problems,
    OnTheWay,
    Signed,
    All,
}

public sealed record ShipmentCounts(int ShopId, IReadOnlyDictionary<ShipmentTab, int> ByTab);

public sealed record ShipmentRow(int Id, string OrderNumber, int Sequence, string CarrierCode, string TrackingNumber, ShipmentStatus Status,
    ShipmentProblem Problem, DateTime? ProblemSince, string? ProblemNote, DateTime? LastScanAt, string? LastScan, DateTime ShippedAt,
    string RecipientName, string RecipientCity, string RecipientDistrict, TrackingMode Tracking)
{
    public string CarrierName => Carriers.NameOf(CarrierCode);
}

public sealed record ShipmentView(int Id, int Sequence, string CarrierName, string TrackingNumber, ShipmentStatus Status, ShipmentProblem Problem,
    string? ProblemNote, DateTime ShippedAt, DateTime? SignedAt, TrackingMode Tracking, bool TrackingEnded, IReadOnlyList<ShipmentLineView> Lines,
    IReadOnlyList<TraceView> Trace)
{
    /// <summary>No provider follows it (or it stopped): the merchant may type scans.</summary>
    public bool ByHand => Tracking is TrackingMode.Manual or TrackingMode.Failed || TrackingEnded;
}

public sealed record ShipmentLineView(int OrderLineId, string Title, string SpecText, int Quantity);

public sealed record TraceView(DateTime At, string Context, string? Place, TraceState State, bool Manual);
