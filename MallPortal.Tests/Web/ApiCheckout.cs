using System.Net.Http.Json;
using System.Text.Json;
using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

/// <summary>A demo buyer's checkout over /api/checkout (signed in like a browser), for tests of what follows it.</summary>
internal static class ApiCheckout
{
    public const int Pillow = 27; // 云朵 羽丝绒枕, one SKU

    public static async Task<(string PaymentNumber, long AmountFen, string OrderNumber)> PlaceAsync(MallPortalFactory factory, string login, string method)
    {
        using var client = factory.CreateBrowserlessClient();
        await MallPortalFactory.PostLoginAsync(client, login, MallPortalFactory.DemoPassword);
        var body = new
        {
            lines = new[] { new { skuId = await SkuOfAsync(factory, Pillow), quantity = 1 } }, addressId = await AddressAsync(factory, login),
            paymentMethod = method, idempotencyKey = Guid.NewGuid().ToString("N"),
        };
        var response = await client.PostAsJsonAsync("/api/checkout", body);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (result.GetProperty("paymentNumber").GetString()!, result.GetProperty("amountFen").GetInt64(),
            result.GetProperty("orderNumbers")[0].GetString()!);
    }

    /// <summary>The pillow's shop takes <paramref name="units"/> more into stock (for classes that check out many times).</summary>
    public static async Task RestockPillowAsync(MallPortalFactory factory, int units)
    {
        var skuId = await SkuOfAsync(factory, Pillow);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var owner = await db.Shops.Where(s => db.ProductSkus.Any(k => k.Id == skuId && k.ShopId == s.Id)).Select(s => s.OwnerUserId).SingleAsync();
        await factory.Services.GetRequiredService<Core.Inventory.StockService>().ReceiveAsync(
            new Actor(owner, new HashSet<string> { Roles.Merchant }), new Core.Inventory.InboundInput("测试补货", null, [new Core.Inventory.StockLine(skuId, units)]));
    }

    public static async Task<Actor> ActorAsync(MallPortalFactory factory, string login)
    {
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<MallUser>>().Users.SingleAsync(u => u.PhoneNumber == login || u.Email == login);
        return new Actor(user.Id, new HashSet<string> { Roles.Consumer });
    }

    public static async Task<int> AddressAsync(MallPortalFactory factory, string login)
    {
        var actor = await ActorAsync(factory, login);
        var addresses = factory.Services.GetRequiredService<AddressService>();
        var existing = await addresses.ListAsync(actor);
        return existing.Count > 0 ? existing[0].Id
            : await addresses.AddAsync(actor, new AddressInput("测试用户", "13900002222", "北京市", "北京市", "朝阳区", "建国路 88 号"), true);
    }

    public static async Task<int> SkuOfAsync(MallPortalFactory factory, int productId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        return await db.ProductSkus.Where(s => s.ProductId == productId).Select(s => s.Id).FirstAsync();
    }
}
