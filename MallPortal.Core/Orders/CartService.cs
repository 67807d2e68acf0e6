using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>
/// The cart of a user or of a guest's browser. Quantities are checked against available stock when added and shown
/// against it every time the cart is read, as is any price change since the item was added.
/// </summary>
public sealed class CartService(IDbContextFactory<MallDbContext> contexts, ILiveUpdates live, TimeProvider clock)
{
    public async Task<CartView> GetAsync(CartOwner owner, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from c in Of(db, owner)
                          join k in db.ProductSkus on c.SkuId equals k.Id
                          join p in db.Products on k.ProductId equals p.Id
                          join s in db.Shops on p.ShopId equals s.Id
                          join st in db.StockItems on k.Id equals st.SkuId
                          orderby c.AddedAt descending, c.Id descending
                          select new
                          {
                              Item = c, Sku = k, p.Title, p.Status, ShopId = s.Id, ShopName = s.Name, Available = st.OnHand - st.Reserved,
                              Image = p.Images.OrderBy(i => i.SortOrder).Select(i => i.Path).FirstOrDefault(),
                          }).AsNoTracking().ToListAsync(cancellationToken);
        var groups = rows.GroupBy(r => (r.ShopId, r.ShopName)).Select(g => new CartShop(g.Key.ShopId, g.Key.ShopName, g.Select(r =>
            new CartLine(r.Item.Id, r.Sku.Id, r.Sku.ProductId, r.Title, r.Sku.SpecText, r.Image, r.Sku.SellingPrice, r.Item.PriceWhenAdded,
                r.Item.Quantity, Math.Max(r.Available, 0), r.Status == ProductStatus.OnSale, r.Item.Selected)).ToList())).ToList();
        return new CartView(groups);
    }

    public async Task<int> CountAsync(CartOwner owner, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Of(db, owner).SumAsync(c => c.Quantity, cancellationToken);
    }

    public async Task AddAsync(CartOwner owner, int skuId, int quantity, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!(await OnSaleAsync(db, [skuId], cancellationToken)).TryGetValue(skuId, out var sku))
        {
            throw new DomainException(CoreText.ProductNotOnSale, "SkuId");
        }
        var item = await Of(db, owner).SingleOrDefaultAsync(c => c.SkuId == skuId, cancellationToken);
        var wanted = (item?.Quantity ?? 0) + quantity;
        CheckQuantity(quantity, wanted, sku.Available);
        Put(db, owner, item, sku.Sku, wanted);
        await SaveAsync(db, owner, cancellationToken);
    }

    /// <summary>
    /// 再次购买: each SKU as many as still fit beside the cart's own quantity (available stock, the per-line maximum), in one
    /// save; returns the SKUs that got nothing (off the shelf or sold out).
    /// </summary>
    public async Task<IReadOnlyList<int>> AddAvailableAsync(CartOwner owner, IReadOnlyList<CheckoutLine> lines, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var skuIds = lines.Select(l => l.SkuId).ToList();
        var skus = await OnSaleAsync(db, skuIds, cancellationToken);
        var items = await Of(db, owner).Where(c => skuIds.Contains(c.SkuId)).ToDictionaryAsync(c => c.SkuId, cancellationToken);
        var skipped = new List<int>();
        foreach (var line in lines)
        {
            var inCart = items.GetValueOrDefault(line.SkuId)?.Quantity ?? 0;
            var room = skus.TryGetValue(line.SkuId, out var sku) ? Math.Min(sku.Available, CartItem.MaxQuantity) - inCart : 0;
            if (Math.Min(line.Quantity, room) <= 0)
            {
                skipped.Add(line.SkuId);
                continue;
            }
            items[line.SkuId] = Put(db, owner, items.GetValueOrDefault(line.SkuId), sku!.Sku, inCart + Math.Min(line.Quantity, room));
        }
        await SaveAsync(db, owner, cancellationToken);
        return skipped;
    }

    /// <summary>The SKUs among these whose product is on sale, with what is available of each.</summary>
    private static async Task<Dictionary<int, (ProductSku Sku, int Available)>> OnSaleAsync(MallDbContext db, List<int> skuIds, CancellationToken cancellationToken) =>
        (await (from k in db.ProductSkus
                join p in db.Products on k.ProductId equals p.Id
                join st in db.StockItems on k.Id equals st.SkuId
                where skuIds.Contains(k.Id) && p.Status == ProductStatus.OnSale
                select new { Sku = k, Available = st.OnHand - st.Reserved }).AsNoTracking().ToListAsync(cancellationToken))
        .ToDictionary(x => x.Sku.Id, x => (x.Sku, x.Available));

    private CartItem Put(MallDbContext db, CartOwner owner, CartItem? item, ProductSku sku, int quantity)
    {
        if (item is null)
        {
            item = new CartItem(owner, sku.Id, quantity, sku.SellingPrice, clock.GetUtcNow().UtcDateTime);
            db.CartItems.Add(item);
            return item;
        }
        item.SetQuantity(quantity);
        item.Select(true);
        return item;
    }

    public async Task SetQuantityAsync(CartOwner owner, int itemId, int quantity, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await Of(db, owner).SingleOrDefaultAsync(c => c.Id == itemId, cancellationToken) ?? throw new DomainException(CoreText.CartItemNotFound);
        var available = await db.StockItems.Where(s => s.SkuId == item.SkuId).Select(s => s.OnHand - s.Reserved).SingleAsync(cancellationToken);
        CheckQuantity(quantity, quantity, available);
        item.SetQuantity(quantity);
        await SaveAsync(db, owner, cancellationToken);
    }

    public async Task SelectAsync(CartOwner owner, IReadOnlyCollection<int> itemIds, bool selected, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var item in await Of(db, owner).Where(c => itemIds.Contains(c.Id)).ToListAsync(cancellationToken))
        {
            item.Select(selected);
        }
        await SaveAsync(db, owner, cancellationToken);
    }

    public async Task RemoveAsync(CartOwner owner, IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.CartItems.RemoveRange(await Of(db, owner).Where(c => itemIds.Contains(c.Id)).ToListAsync(cancellationToken));
        await SaveAsync(db, owner, cancellationToken);
    }

    /// <summary>At sign-in the guest's cart joins the user's: the same SKU adds up (to the most one may buy), others move over.</summary>
    public async Task<int> MergeGuestAsync(Actor actor, string guestToken, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var guest = await db.CartItems.Where(c => c.GuestToken == guestToken && c.UserId == null).ToListAsync(cancellationToken);
        var mine = await db.CartItems.Where(c => c.UserId == actor.UserId).ToListAsync(cancellationToken);
        foreach (var item in guest)
        {
            if (mine.FirstOrDefault(m => m.SkuId == item.SkuId) is { } same)
            {
                same.SetQuantity(same.Quantity + item.Quantity);
                db.CartItems.Remove(item);
            }
            else
            {
                item.MoveTo(actor.UserId);
            }
        }
        await SaveAsync(db, CartOwner.User(actor.UserId), cancellationToken);
        return guest.Count;
    }

    private static IQueryable<CartItem> Of(MallDbContext db, CartOwner owner) => owner.UserId is { } userId
        ? db.CartItems.Where(c => c.UserId == userId)
        : db.CartItems.Where(c => c.UserId == null && c.GuestToken == owner.GuestToken && owner.GuestToken != null);

    private static void CheckQuantity(int step, int wanted, int available)
    {
        if (step <= 0 || wanted > CartItem.MaxQuantity)
        {
            throw new DomainException(string.Format(CoreText.QuantityRange, CartItem.MaxQuantity), "Quantity");
        }
        if (wanted > available)
        {
            throw new DomainException(string.Format(CoreText.OnlyNLeft, Math.Max(available, 0)), "Quantity");
        }
    }

    private async Task SaveAsync(MallDbContext db, CartOwner owner, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new CartChanged(owner.UserId, owner.GuestToken), cancellationToken);
    }
}
