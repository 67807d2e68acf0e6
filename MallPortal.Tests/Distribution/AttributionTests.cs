using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Distribution;

public class AttributionTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_new_account_from_a_link_counts_as_its_registration_and_its_order_remembers_the_distributor_and_upline(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (wang, li) = (await kit.RecordAsync(DistributionTestKit.Wang), await kit.RecordAsync(DistributionTestKit.Li));
        var link = await kit.ProductLinkAsync(await kit.DistributorAsync(DistributionTestKit.Li), ShareChannel.Douyin);
        var cookie = new ReferralCookie(link.Code, kit.Now).ToString();
        kit.Orders.Clock.Advance(TimeSpan.FromMinutes(2));
        var buyer = await kit.NewUserAsync("13900000301");

        await kit.Get<AttributionService>().OnSignedInAsync(buyer.UserId, cookie);
        var number = await kit.BuyAsync(buyer);

        var linkId = await kit.QueryAsync(db => db.PromotionLinks.Where(l => l.Code == link.Code).Select(l => l.Id).SingleAsync());
        Assert.True(await kit.QueryAsync(db => db.PromotionSignups.AnyAsync(s => s.UserId == buyer.UserId && s.LinkId == linkId)));
        var attribution = await kit.AttributionAsync(number);
        Assert.NotNull(attribution);
        Assert.Equal((li.Id, (int?)wang.Id, (int?)null, (int?)linkId, (ShareChannel?)ShareChannel.Douyin, false),
            (attribution.DistributorId, attribution.Level2DistributorId, attribution.Level3DistributorId, attribution.LinkId, attribution.Channel, attribution.ShopBlocked));
        var audit = await kit.QueryAsync(db => db.DistributionAudits.SingleAsync(a => a.CustomerUserId == buyer.UserId));
        Assert.Equal((AuditKind.FirstBind, (int?)li.Id), (audit.Kind, audit.NewDistributorId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_order_keeps_who_brought_it_after_the_tree_and_the_binding_change(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var (wang, li) = (await kit.RecordAsync(DistributionTestKit.Wang), await kit.RecordAsync(DistributionTestKit.Li));
        var store = kit.Get<DistributionSettingsStore>();
        var admin = await kit.AdminAsync();
        await store.SaveAsync(admin, (await store.GetAsync()).ToInput() with { BindingMode = BindingMode.LastTouch });
        var buyer = await kit.NewUserAsync("13900000302");
        var liLink = await kit.ProductLinkAsync(await kit.DistributorAsync(DistributionTestKit.Li));
        await kit.ClickAsync(liLink.Code, "visitor-302", buyer.UserId);
        var first = await kit.BuyAsync(buyer);

        await kit.Get<DistributorAdminService>().MoveAsync(admin, li.Id, null, "独立");
        var zhaoLink = await kit.ProductLinkAsync(await kit.DistributorAsync(DistributionTestKit.Zhao));
        await kit.ClickAsync(zhaoLink.Code, "visitor-302", buyer.UserId);
        var second = await kit.BuyAsync(buyer);

        var (old, later) = (await kit.AttributionAsync(first), await kit.AttributionAsync(second));
        Assert.Equal((li.Id, (int?)wang.Id), (old!.DistributorId, old.Level2DistributorId));
        var zhao = await kit.RecordAsync(DistributionTestKit.Zhao);
        Assert.Equal((zhao.Id, (int?)li.Id), (later!.DistributorId, later.Level2DistributorId));
        Assert.Equal([AuditKind.FirstBind, AuditKind.Rebind],
            await kit.QueryAsync(db => db.DistributionAudits.Where(a => a.CustomerUserId == buyer.UserId).OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Within_the_protection_period_another_link_cannot_take_the_customer_and_after_expiry_nothing_is_attributed(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var store = kit.Get<DistributionSettingsStore>();
        await store.SaveAsync(await kit.AdminAsync(), (await store.GetAsync()).ToInput() with { BindingMode = BindingMode.LastTouch, ProtectionDays = 7, BindingDays = 30 });
        var buyer = await kit.NewUserAsync("13900000303");
        var li = await kit.RecordAsync(DistributionTestKit.Li);
        await kit.ClickAsync((await kit.ProductLinkAsync(await kit.DistributorAsync(DistributionTestKit.Li))).Code, "visitor-303", buyer.UserId);

        kit.Orders.Clock.Advance(TimeSpan.FromDays(3));
        await kit.ClickAsync((await kit.ProductLinkAsync(await kit.DistributorAsync(DistributionTestKit.Zhao))).Code, "visitor-303", buyer.UserId);
        Assert.Equal(li.Id, await kit.QueryAsync(db => db.CustomerBindings.Where(b => b.CustomerUserId == buyer.UserId).Select(b => b.DistributorId).SingleAsync()));

        kit.Orders.Clock.Advance(TimeSpan.FromDays(28));
        var number = await kit.BuyAsync(buyer);

        Assert.Null(await kit.AttributionAsync(number));
        Assert.False(await kit.QueryAsync(db => db.CustomerBindings.AnyAsync(b => b.CustomerUserId == buyer.UserId)));
        Assert.Contains(AuditKind.Expired, await kit.QueryAsync(db => db.DistributionAudits.Where(a => a.CustomerUserId == buyer.UserId).Select(a => a.Kind).ToListAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Repeated_clicks_count_once_unique_visitors_count_per_day_and_a_suspended_distributor_binds_nobody(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var link = await kit.ProductLinkAsync(await kit.DistributorAsync(DistributionTestKit.Li));
        var buyer = await kit.NewUserAsync("13900000304");
        for (var i = 0; i < 20; i++)
        {
            await kit.ClickAsync(link.Code, "flooder", at: kit.Now.AddSeconds(i * 10));
        }
        await kit.ClickAsync(link.Code, "flooder", at: kit.Now.AddMinutes(30));
        await kit.ClickAsync(link.Code, "someone-else", at: kit.Now.AddMinutes(31));
        await kit.ClickAsync(link.Code, "flooder", at: kit.Now.AddDays(1));

        await kit.Get<DistributorAdminService>().SuspendAsync(await kit.AdminAsync(), (await kit.RecordAsync(DistributionTestKit.Li)).Id, "刷单嫌疑");
        await kit.ClickAsync(link.Code, "visitor-304", buyer.UserId, at: kit.Now.AddDays(1).AddMinutes(1));

        var clicks = await kit.QueryAsync(db => db.PromotionClicks.Where(c => db.PromotionLinks.Any(l => l.Id == c.LinkId && l.Code == link.Code)).OrderBy(c => c.At).ToListAsync());
        Assert.Equal(5, clicks.Count);
        Assert.Equal([true, false, true, true, true], clicks.Select(c => c.FirstOfDay));
        Assert.False(await kit.QueryAsync(db => db.CustomerBindings.AnyAsync(b => b.CustomerUserId == buyer.UserId)));
        var route = await kit.Get<PromotionService>().RouteAsync(link.Code);
        Assert.False(route!.Attributes);
        Assert.Null(await kit.Get<PromotionService>().RouteAsync("ZZZZZZZ"));
        Assert.Null(await kit.Get<PromotionService>().RouteAsync("<bad>"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_shop_block_is_recorded_on_the_orders_of_that_shop_and_can_be_lifted(DatabaseProvider provider)
    {
        await using var kit = await DistributionTestKit.CreateAsync(provider);
        var li = await kit.RecordAsync(DistributionTestKit.Li);
        var merchant = await kit.Orders.MerchantAsync();
        var shops = kit.Get<ShopDistributionService>();
        var buyer = await kit.NewUserAsync("13900000305");
        await kit.ClickAsync((await kit.ProductLinkAsync(await kit.DistributorAsync(DistributionTestKit.Li))).Code, "visitor-305", buyer.UserId);

        await shops.BlockAsync(merchant, li.Id, "多次虚假宣传");
        var blocked = await kit.BuyAsync(buyer);
        await Assert.ThrowsAsync<DomainException>(() => shops.BlockAsync(merchant, li.Id, "再次"));
        await shops.UnblockAsync(merchant, li.Id);
        var lifted = await kit.BuyAsync(buyer);

        Assert.True((await kit.AttributionAsync(blocked))!.ShopBlocked);
        Assert.False((await kit.AttributionAsync(lifted))!.ShopBlocked);
        Assert.Equal(1, await kit.QueryAsync(db => db.ShopDistributorBlocks.CountAsync(b => b.DistributorId == li.Id && b.LiftedAt != null)));
    }
}
