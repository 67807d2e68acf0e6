using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>Demo purchases through the real checkout: a product's first SKU, to the buyer's default address (added when there is none).</summary>
public sealed class DemoShopper(IDbContextFactory<MallDbContext> contexts, AddressService addresses, CheckoutService checkout)
{
    public async Task<(string Number, int ShopId)> BuyAsync(Actor buyer, int productId, string method, string key, CancellationToken cancellationToken,
        int quantity = 1)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sku = await db.ProductSkus.Where(s => s.ProductId == productId).OrderBy(s => s.Id).Select(s => new { s.Id, s.ShopId }).FirstAsync(cancellationToken);
        var addressId = (await addresses.ListAsync(buyer, cancellationToken)).OrderByDescending(a => a.IsDefault).Select(a => (int?)a.Id).FirstOrDefault()
            ?? await addresses.AddAsync(buyer, new AddressInput(await NameAsync(db, buyer, cancellationToken), await PhoneAsync(db, buyer, cancellationToken),
                "浙江省", "杭州市", "西湖区", "文三路 90 号 3 幢 501"), true, cancellationToken);
        var result = await checkout.PlaceOrderAsync(buyer, new CheckoutInput([new CheckoutLine(sku.Id, quantity)], addressId, method, key), cancellationToken);
        return (result.OrderNumbers[0], sku.ShopId);
    }

    private static async Task<string> NameAsync(MallDbContext db, Actor buyer, CancellationToken cancellationToken) =>
        // The demo's nicknames read "消费者 孙丽（王芳的客户）": the recipient is the person.
        (await db.Users.Where(u => u.Id == buyer.UserId).Select(u => u.Nickname).SingleAsync(cancellationToken)).Split(' ')[^1].Split('（')[0];

    private static async Task<string> PhoneAsync(MallDbContext db, Actor buyer, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == buyer.UserId).Select(u => u.PhoneNumber).SingleAsync(cancellationToken) ?? "13800000099";
}
