using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments;
using MallPortal.Core.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution;

/// <summary>
/// The demo network through the real services: 王芳 → 李强 → 赵敏 apply (each with the invite code of the one before) and are
/// approved; they make links; a few hundred clicks over the last 30 days; 孙丽, 吴昊 and 郑爽 register through links, are
/// bound and buy, so the distributors' dashboards, funnels and teams open populated. They buy products the orders seeder
/// already sold (13, 27, 21), so the demo's untouched products stay untouched.
/// </summary>
public sealed class DistributionDemoSeeder(IDbContextFactory<MallDbContext> contexts, DistributorApplicationService applications,
    PromotionService promotion, ClickRecorder clicks, AttributionService attribution, DemoShopper shopper, TimeProvider clock) : IDemoSeeder
{
    public string Name => "distribution";

    public int Order => 400;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var admin = await AdminLookup.FirstAsync(db, cancellationToken);
        async Task<Actor> UserAsync(string login) => new(await db.Users.Where(u => u.PhoneNumber == login || u.Email == login).Select(u => u.Id)
            .SingleAsync(cancellationToken), new HashSet<string> { Roles.Consumer, Roles.Distributor });
        async Task<Distributor> JoinAsync(string login, string name, string id, string region, string? invite)
        {
            var user = await UserAsync(login);
            var applicationId = await applications.SubmitAsync(user, new DistributorApplicationInput(ApplicantKind.Individual, name, id, null, null, login,
                region, "朋友圈和社群里常有人问我买什么好，想把好物分享给大家。", invite), [], cancellationToken);
            var distributorId = await applications.ApproveAsync(admin, applicationId, cancellationToken);
            return await db.Distributors.AsNoTracking().SingleAsync(d => d.Id == distributorId, cancellationToken);
        }

        var wang = await JoinAsync("13800000011", "王芳", "110105198803151232", "北京市 朝阳区", null);
        var li = await JoinAsync("13800000012", "李强", "310115199207082466", "上海市 浦东新区", wang.InviteCode);
        var zhao = await JoinAsync("13800000013", "赵敏", "440305199502113576", "广东省 深圳市", li.InviteCode);

        int[] sold = [13, 27, 21];
        var products = await db.Products.Where(p => sold.Contains(p.Id)).Select(p => new { p.Id, p.ShopId }).ToListAsync(cancellationToken);
        products = [.. sold.Select(id => products.Single(p => p.Id == id))];
        var wangActor = await UserAsync("13800000011");
        var liActor = await UserAsync("13800000012");
        var zhaoActor = await UserAsync("13800000013");
        var links = new List<(Actor Owner, LinkCard Card)>
        {
            (wangActor, await promotion.CreateLinkAsync(wangActor, LinkTarget.Product, products[0].Id, ShareChannel.WeChat, cancellationToken)),
            (wangActor, await promotion.CreateLinkAsync(wangActor, LinkTarget.Product, products[1].Id, ShareChannel.Poster, cancellationToken)),
            (wangActor, await promotion.CreateLinkAsync(wangActor, LinkTarget.Shop, products[0].ShopId, ShareChannel.Weibo, cancellationToken)),
            (liActor, await promotion.CreateLinkAsync(liActor, LinkTarget.Product, products[2].Id, ShareChannel.Douyin, cancellationToken)),
            (zhaoActor, await promotion.CreateLinkAsync(zhaoActor, LinkTarget.Home, 0, ShareChannel.QQ, cancellationToken)),
        };
        foreach (var (owner, card) in links)
        {
            await promotion.RecordShareAsync(owner, card.Code, cancellationToken);
        }
        await SeedClicksAsync(db, links.Select(l => l.Card.Code).ToList(), cancellationToken);

        // Three customers register through links, are bound, and buy.
        await BuyThroughAsync(db, "13800000023", links[0].Card, products[0].Id, cancellationToken);
        await BuyThroughAsync(db, "13800000024", links[1].Card, products[1].Id, cancellationToken);
        await BuyThroughAsync(db, "13800000025", links[3].Card, products[2].Id, cancellationToken);
    }

    private async Task SeedClicksAsync(MallDbContext db, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var random = new Random(20261202);
        var now = clock.GetUtcNow().UtcDateTime;
        var linkIds = await db.PromotionLinks.Where(l => codes.Contains(l.Code)).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(cancellationToken);
        var batch = new List<ClickInput>();
        for (var i = 0; i < 360; i++)
        {
            // Earlier links are shared more; visitors come back now and then.
            var link = linkIds[Math.Min(linkIds.Count - 1, (int)Math.Floor(Math.Pow(random.NextDouble(), 1.6) * linkIds.Count))];
            var at = now.AddMinutes(-random.Next(5, 30 * 24 * 60));
            var agent = random.Next(10) switch { < 5 => AgentClass.WeChat, < 8 => AgentClass.Mobile, _ => AgentClass.Desktop };
            var referrer = agent == AgentClass.WeChat ? null : random.Next(3) switch { 0 => "weibo.com", 1 => "www.douyin.com", _ => null };
            batch.Add(new ClickInput(link, at, $"demo-visitor-{random.Next(90)}", agent, referrer, null));
        }
        await clicks.FlushAsync(batch, cancellationToken);
    }

    private async Task BuyThroughAsync(MallDbContext db, string login, LinkCard link, int productId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.PhoneNumber == login || u.Email == login).Select(u => new { u.Id, u.CreatedAt })
            .SingleAsync(cancellationToken);
        var linkId = await db.PromotionLinks.Where(l => l.Code == link.Code).Select(l => l.Id).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await clicks.FlushAsync([new ClickInput(linkId, now, $"demo-customer-{user.Id}", AgentClass.WeChat, null, null)], cancellationToken);
        // The cookie was set before the account existed, so this sign-in counts as the link's registration.
        await attribution.OnSignedInAsync(user.Id, new ReferralCookie(link.Code, user.CreatedAt.AddMinutes(-1)).ToString(), cancellationToken);
        await shopper.BuyAsync(new Actor(user.Id, new HashSet<string> { Roles.Consumer }), productId, CashOnDeliveryGateway.GatewayName,
            $"demo-distribution-{productId}", cancellationToken);
    }
}
