using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Core.Orders.Payments.Sandbox;
using MallPortal.Tests.Orders;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Distribution;

/// <summary>
/// The arrange steps the distribution tests share, over the seeded demo: the chain 王芳 → 李强 → 赵敏 with their links,
/// new users, clicks recorded as the flusher records them, applications approved, orders placed by bound customers.
/// </summary>
internal sealed class DistributionTestKit(OrderTestKit orders) : IAsyncDisposable
{
    public const string Wang = "13800000011";
    public const string Li = "13800000012";
    public const string Zhao = "13800000013";

    public OrderTestKit Orders { get; } = orders;

    public DateTime Now => Orders.Now;

    public static async Task<DistributionTestKit> CreateAsync(DatabaseProvider provider, bool sqliteFile = false) =>
        new(await OrderTestKit.CreateAsync(provider, sqliteFile));

    public T Get<T>() where T : notnull => Orders.Get<T>();

    public Task<T> QueryAsync<T>(Func<MallDbContext, Task<T>> query) => Orders.QueryAsync(query);

    public async Task<Actor> DistributorAsync(string phone) =>
        new((await ConsumerAsync(phone)).UserId, new HashSet<string> { Roles.Consumer, Roles.Distributor });

    public Task<Actor> ConsumerAsync(string phone) => Orders.ConsumerAsync(phone);

    public Task<Actor> AdminAsync() => Orders.AdminAsync();

    public Task<Distributor> RecordAsync(string phone) =>
        QueryAsync(db => db.Distributors.AsNoTracking().SingleAsync(d => d.Mobile == phone));

    /// <summary>A new account (as registration makes one) at the current fake time.</summary>
    public async Task<Actor> NewUserAsync(string phone, string nickname = "新用户")
    {
        return await Orders.Db.InScopeAsync(async s =>
        {
            var user = MallUser.Register(LoginIdentifier.Parse(phone), nickname, Now);
            var users = s.GetRequiredService<UserManager<MallUser>>();
            Assert.True((await users.CreateAsync(user, "test1234")).Succeeded);
            await users.AddToRoleAsync(user, Roles.Consumer);
            return new Actor(user.Id, new HashSet<string> { Roles.Consumer });
        });
    }

    /// <summary>A consumer's application, approved by the admin; the new distributor acting with its role.</summary>
    public async Task<Actor> ApprovedDistributorAsync(string phone, string name, string idNumber, string? inviteCode)
    {
        var user = await NewUserAsync(phone, name);
        var applications = Get<DistributorApplicationService>();
        var id = await applications.SubmitAsync(user, Individual(name, idNumber, phone, inviteCode), []);
        await applications.ApproveAsync(await AdminAsync(), id);
        return new Actor(user.UserId, new HashSet<string> { Roles.Consumer, Roles.Distributor });
    }

    public static DistributorApplicationInput Individual(string name, string? idNumber, string mobile, string? inviteCode = null) =>
        new(ApplicantKind.Individual, name, idNumber, null, null, mobile, "浙江省 杭州市", "想把好物分享给朋友。", inviteCode);

    public async Task<LinkCard> ProductLinkAsync(Actor distributor, ShareChannel channel = ShareChannel.WeChat)
    {
        var sku = await Orders.SkuAsync();
        return await Get<PromotionService>().CreateLinkAsync(distributor, LinkTarget.Product, sku.ProductId, channel);
    }

    /// <summary>A click on the link as the redirect queues it and the flusher writes it.</summary>
    public async Task ClickAsync(string code, string visitor, int? userId = null, DateTime? at = null)
    {
        var linkId = await QueryAsync(db => db.PromotionLinks.Where(l => l.Code == code).Select(l => l.Id).SingleAsync());
        await Get<ClickRecorder>().FlushAsync([new ClickInput(linkId, at ?? Now, visitor, AgentClass.WeChat, null, userId)]);
    }

    /// <summary>The buyer orders one unit of an unordered SKU and pays in the sandbox; returns the order number.</summary>
    public async Task<string> BuyAsync(Actor buyer)
    {
        var sku = await Orders.SkuAsync(available: 50);
        var addressId = await Get<AddressService>().AddAsync(buyer, new AddressInput("陈静", "13800000021", "广东省", "深圳市", "南山区", "科苑路 15 号"), true);
        return await Orders.PaidOrderAsync(buyer, addressId, sku.SkuId);
    }

    public Task<OrderAttribution?> AttributionAsync(string orderNumber) =>
        QueryAsync(db => db.OrderAttributions.AsNoTracking().SingleOrDefaultAsync(a => a.Order.Number == orderNumber));

    public ValueTask DisposeAsync() => Orders.DisposeAsync();
}
