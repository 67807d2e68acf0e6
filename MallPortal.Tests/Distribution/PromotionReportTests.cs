using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Distribution;

public class PromotionReportTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_links_funnel_counts_clicks_visitors_registrations_orders_and_the_paid_amount(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var zhao = await kit.DistributorAsync(DistributionTestKit.Zhao);
        var link = await kit.ProductLinkAsync(zhao, ShareChannel.Weibo);
        var again = await kit.ProductLinkAsync(zhao, ShareChannel.Weibo);
        await kit.ClickAsync(link.Code, "a");
        await kit.ClickAsync(link.Code, "a", at: kit.Now.AddMinutes(20));
        await kit.ClickAsync(link.Code, "b");
        var cookie = new ReferralCookie(link.Code, kit.Now).ToString();
        kit.Orders.Clock.Advance(TimeSpan.FromMinutes(30));
        var buyer = await kit.NewUserAsync("13900000401");
        await kit.Get<AttributionService>().OnSignedInAsync(buyer.UserId, cookie);
        var number = await kit.BuyAsync(buyer);
        var total = (await kit.Orders.OrderAsync(number)).Total;
        await kit.Get<PromotionService>().RecordShareAsync(zhao, link.Code);

        var report = await kit.Get<DistributorQueries>().LinksAsync(zhao, new Period(kit.Now.AddDays(-1), kit.Now.AddDays(1)));

        Assert.Equal(link.Code, again.Code);
        var row = Assert.Single(report.Links, l => l.Code == link.Code);
        Assert.Equal(new Funnel(3, 2, 1, 1, total), row.Funnel);
        Assert.Equal(1, row.Shares);
        var channel = Assert.Single(report.Channels, c => c.Channel == ShareChannel.Weibo);
        Assert.Equal((ShareChannel.Weibo, row.Funnel), (channel.Channel, channel.Funnel));
        Assert.Equal(5000, row.Funnel.RegistrationRate.Value);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Cash_on_delivery_brought_by_a_link_counts_in_its_paid_amount_only_once_the_cash_is_collected(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var zhao = await kit.DistributorAsync(DistributionTestKit.Zhao);
        var link = await kit.ProductLinkAsync(zhao, ShareChannel.Weibo);
        var buyer = await kit.NewUserAsync("13900000402");
        await kit.Get<AttributionService>().OnSignedInAsync(buyer.UserId, new ReferralCookie(link.Code, kit.Now).ToString());
        var sku = await kit.Orders.SkuAsync(available: 50);
        var address = await kit.Get<Core.Accounts.AddressService>().AddAsync(buyer, new("陈静", "13800000021", "广东省", "深圳市", "南山区", "科苑路 15 号"), true);
        var cod = Assert.Single((await kit.Orders.PlaceAsync(buyer, address, [new Core.Orders.CheckoutLine(sku.SkuId, 1)],
            Core.Orders.Payments.CashOnDeliveryGateway.GatewayName)).OrderNumbers);
        var period = new Period(kit.Now.AddDays(-1), kit.Now.AddDays(1));
        Funnel Of(LinkReport report) => Assert.Single(report.Links, l => l.Code == link.Code).Funnel;

        var shipped = Of(await kit.Get<DistributorQueries>().LinksAsync(zhao, period));
        await kit.Orders.ShipAsync(cod);
        await kit.Get<Core.Orders.FulfilmentService>().MarkCashCollectedAsync(await kit.Orders.MerchantAsync(), cod);
        var collected = Of(await kit.Get<DistributorQueries>().LinksAsync(zhao, period));

        Assert.Equal((1, Money.Zero), (shipped.Orders, shipped.Paid)); // an order taken, no money received yet
        Assert.Equal((1, (await kit.Orders.OrderAsync(cod)).Total), (collected.Orders, collected.Paid));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_distributor_sees_only_its_own_orders_with_buyers_masked_and_its_own_links(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (wang, li) = (await kit.DistributorAsync(DistributionTestKit.Wang), await kit.DistributorAsync(DistributionTestKit.Li));
        var queries = kit.Get<DistributorQueries>();

        var wangOrders = await queries.OrdersAsync(wang, 0, 20);
        var liOrders = await queries.OrdersAsync(li, 0, 20);
        var wangLink = (await queries.LinksAsync(wang, new Period(kit.Now.AddDays(-40), kit.Now.AddDays(1)))).Links[0];

        // 孙丽 bought twice through 王芳 (the commission demo's second order), 吴昊 three times (twice on 王芳's phone: the hold demo).
        Assert.Equal(5, wangOrders.Total);
        Assert.All(wangOrders.Items, o => Assert.Matches("^.\\*$", o.Buyer));
        Assert.Equal(["吴*", "吴*", "吴*", "孙*", "孙*"], wangOrders.Items.Select(o => o.Buyer).Order(StringComparer.Ordinal));
        Assert.Equal("郑*", Assert.Single(liOrders.Items).Buyer);
        Assert.DoesNotContain(liOrders.Items, o => wangOrders.Items.Any(w => w.Number == o.Number));
        await Assert.ThrowsAsync<DomainException>(() => kit.Get<PromotionService>().RecordShareAsync(li, wangLink.Code));
        await Assert.ThrowsAsync<DomainException>(() => kit.Get<PromotionService>().PosterAsync(li, wangLink.Code, "https://mall.test"));
        var consumer = await kit.ConsumerAsync("13800000021");
        await Assert.ThrowsAsync<DomainException>(() => queries.OrdersAsync(consumer, 0, 20));
        var dashboard = await queries.DashboardAsync(wang);
        Assert.Equal((2, 5), (dashboard.TeamSize, dashboard.Month.Orders));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Links_only_to_products_on_sale_and_only_by_active_distributors(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var li = await kit.DistributorAsync(DistributionTestKit.Li);
        var promotion = kit.Get<PromotionService>();
        var offShelf = await kit.QueryAsync(db => db.Products.Where(p => p.Status != MallPortal.Core.Catalog.ProductStatus.OnSale).Select(p => (int?)p.Id).FirstOrDefaultAsync());

        Assert.Contains("未上架", (await Assert.ThrowsAsync<DomainException>(() => promotion.CreateLinkAsync(li, LinkTarget.Product, 999_999, ShareChannel.QQ))).Message);
        if (offShelf is { } id)
        {
            await Assert.ThrowsAsync<DomainException>(() => promotion.CreateLinkAsync(li, LinkTarget.Product, id, ShareChannel.QQ));
        }
        await Assert.ThrowsAsync<DomainException>(() => promotion.CreateLinkAsync(li, LinkTarget.Shop, 999_999, ShareChannel.QQ));
        var home = await promotion.CreateLinkAsync(li, LinkTarget.Home, 42, ShareChannel.QQ);
        Assert.Equal((0, "/r/" + home.Code), (home.TargetId, home.ShortPath));

        await kit.Get<DistributorAdminService>().SuspendAsync(await kit.AdminAsync(), (await kit.RecordAsync(DistributionTestKit.Li)).Id, "违规");
        await Assert.ThrowsAsync<DomainException>(() => promotion.CreateLinkAsync(li, LinkTarget.Home, 0, ShareChannel.Weibo));
        var consumer = await kit.ConsumerAsync("13800000021");
        await Assert.ThrowsAsync<DomainException>(() => promotion.CreateLinkAsync(consumer, LinkTarget.Home, 0, ShareChannel.Weibo));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_merchant_sees_and_notifies_only_the_distributors_of_its_own_products(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var shops = kit.Get<ShopDistributionService>();
        var (shopA, shopB) = (await kit.Orders.MerchantAsync(), await kit.Orders.MerchantAsync("13800000002"));
        var period = new Period(kit.Now.AddDays(-40), kit.Now.AddDays(1));
        var wang = await kit.RecordAsync(DistributionTestKit.Wang);
        var zhao = await kit.RecordAsync(DistributionTestKit.Zhao);

        var a = await shops.DistributorsAsync(shopA, period);
        var b = await shops.DistributorsAsync(shopB, period);
        var reached = await shops.SendNoticeAsync(shopA, "双12 加码", "本店全场商品双12当天佣金翻倍，欢迎推广。");

        // 王芳 links to a product of each shop and sold two orders of shop A's and one of B's; 李强 links to and sold a product of
        // shop A; 赵敏 only the home page.
        Assert.Equal(["王芳", "李强"], a.Select(r => r.Name).Order().Reverse());
        Assert.Equal((2, 1), (a.Single(r => r.Name == "王芳").Orders, a.Single(r => r.Name == "李强").Orders));
        Assert.Equal("王芳", Assert.Single(b).Name);
        Assert.DoesNotContain(a, r => r.Id == zhao.Id);
        Assert.Equal(a.Count, reached);
        Assert.True(await kit.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == wang.UserId && n.Title.Contains("双12 加码"))));
        Assert.False(await kit.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == zhao.UserId && n.Title.Contains("双12 加码"))));
        await Assert.ThrowsAsync<DomainException>(() => shops.BlockAsync(shopA, zhao.Id, "不认识"));
        await Assert.ThrowsAsync<DomainException>(() => shops.SendNoticeAsync(shopA, "", "内容"));
        var distributor = await kit.DistributorAsync(DistributionTestKit.Wang);
        await Assert.ThrowsAsync<DomainException>(() => shops.DistributorsAsync(distributor, period));
    }
}
