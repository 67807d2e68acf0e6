using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders;

public class CartServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Adding_more_than_is_available_is_refused_with_the_remaining_count(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var owner = CartOwner.User((await kit.ConsumerAsync()).UserId);
        var sku = await kit.SkuAsync(available: 3);
        var cart = kit.Get<CartService>();

        var tooMany = await Assert.ThrowsAsync<DomainException>(() => cart.AddAsync(owner, sku.SkuId, 4));
        await cart.AddAsync(owner, sku.SkuId, 2);
        var onTop = await Assert.ThrowsAsync<DomainException>(() => cart.AddAsync(owner, sku.SkuId, 2));
        var set = await Assert.ThrowsAsync<DomainException>(async () =>
            await cart.SetQuantityAsync(owner, (await cart.GetAsync(owner)).Lines.Single().ItemId, 5));

        Assert.All([tooMany, onTop, set], e => Assert.Equal(("库存不足，仅剩 3 件", "Quantity"), (e.Message, e.Field)));
        var line = Assert.Single((await cart.GetAsync(owner)).Lines);
        Assert.Equal((sku.SkuId, 2, 3, null), (line.SkuId, line.Quantity, line.Available, line.Problem));
        Assert.Equal(2, await cart.CountAsync(owner));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_price_change_since_adding_shows_on_the_line(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var owner = CartOwner.User((await kit.ConsumerAsync()).UserId);
        var sku = await kit.SkuAsync(available: 10);
        var cart = kit.Get<CartService>();
        await cart.AddAsync(owner, sku.SkuId, 2);
        var raised = sku.Price + Money.FromYuan(50);
        await kit.QueryAsync(c => c.ProductSkus.Where(k => k.Id == sku.SkuId)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.Price, raised).SetProperty(k => k.PromotionPrice, (Money?)null)));

        var line = Assert.Single((await cart.GetAsync(owner)).Lines);

        Assert.Equal((raised, sku.Price, Money.FromYuan(50)), (line.Price, line.PriceWhenAdded, line.PriceChange));
        Assert.Equal(raised * 2, line.Amount);
        Assert.Equal(raised * 2, (await cart.GetAsync(owner)).SelectedTotal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_guest_cart_joins_the_users_cart_at_sign_in(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var user = await kit.ConsumerAsync();
        var (mine, guest) = (CartOwner.User(user.UserId), CartOwner.Guest("guest-token-1"));
        var (same, moved) = (await kit.SkuAsync(index: 0, available: 10), await kit.SkuAsync(OrderTestKit.ShopB, available: 10));
        var cart = kit.Get<CartService>();
        await cart.AddAsync(mine, same.SkuId, 1);
        await cart.AddAsync(guest, same.SkuId, 2);
        await cart.AddAsync(guest, moved.SkuId, 1);
        Assert.Equal(1, await cart.CountAsync(mine));

        var merged = await cart.MergeGuestAsync(user, "guest-token-1");

        Assert.Equal(2, merged);
        var lines = (await cart.GetAsync(mine)).Lines.OrderBy(l => l.SkuId != same.SkuId).ToList();
        Assert.Equal([(same.SkuId, 3), (moved.SkuId, 1)], lines.Select(l => (l.SkuId, l.Quantity)));
        Assert.Empty((await cart.GetAsync(guest)).Lines);
        Assert.Equal(2, await kit.QueryAsync(c => c.CartItems.CountAsync(i => i.UserId == user.UserId)));
        Assert.Equal(0, await kit.QueryAsync(c => c.CartItems.CountAsync(i => i.GuestToken != null)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_off_shelf_product_shows_its_problem_and_is_left_out_of_checkout(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var owner = CartOwner.User((await kit.ConsumerAsync()).UserId);
        var (kept, gone) = (await kit.SkuAsync(OrderTestKit.ShopB, available: 10), await kit.SkuAsync(OrderTestKit.ShopA, available: 10));
        var cart = kit.Get<CartService>();
        await cart.AddAsync(owner, kept.SkuId, 1);
        await cart.AddAsync(owner, gone.SkuId, 2);

        await kit.Get<ProductService>().SetOnSaleAsync(await kit.MerchantAsync(OrderTestKit.ShopA), [gone.ProductId], onSale: false);

        var view = await cart.GetAsync(owner);
        var offShelf = view.Lines.Single(l => l.SkuId == gone.SkuId);
        Assert.Equal((false, "已下架"), (offShelf.OnSale, offShelf.Problem));
        Assert.Null(view.Lines.Single(l => l.SkuId == kept.SkuId).Problem);
        Assert.Equal([new CheckoutLine(kept.SkuId, 1)], view.ToCheckout());
        Assert.Equal((kept.Price, 1), (view.SelectedTotal, view.SelectedCount));
        var again = await Assert.ThrowsAsync<DomainException>(() => cart.AddAsync(owner, gone.SkuId, 1));
        Assert.Equal(("该商品已下架或不存在", "SkuId"), (again.Message, again.Field));
        Assert.Equal(2, (await cart.GetAsync(owner)).Lines.Single(l => l.SkuId == gone.SkuId).Quantity);
    }
}
