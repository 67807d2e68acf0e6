using System.Net;
using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Distribution;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Web;

public class PromotionRedirectTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Phone = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36";

    [Fact]
    public async Task A_link_redirects_to_its_target_sets_the_attribution_cookie_and_its_click_is_written_after_the_answer()
    {
        var (code, target, linkId) = await LinkOfAsync("13800000011");
        var before = await ClicksAsync(linkId);
        using var client = Client(Phone);
        client.DefaultRequestHeaders.Referrer = new Uri("https://weibo.com/u/1");

        var response = await client.GetAsync($"/r/{code.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.OriginalString);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith($"{ReferralCookie.Name}={code}.") && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        await WaitForAsync(async () => await ClicksAsync(linkId) == before + 1);
        await using var db = await ContextAsync();
        var click = await db.PromotionClicks.Where(c => c.LinkId == linkId).OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal((AgentClass.Mobile, "weibo.com", 32), (click.Agent, click.ReferrerHost, click.VisitorHash.Length));
    }

    [Fact]
    public async Task An_unknown_or_forged_code_gets_a_friendly_Chinese_page_and_nothing_is_recorded()
    {
        await using (var db = await ContextAsync())
        {
            var total = await db.PromotionClicks.CountAsync();
            using var client = Client(Phone);

            var unknown = await client.GetAsync("/r/ZZZZZZZ");
            var forged = await client.GetAsync("/r/%3Cscript%3E");

            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, forged.StatusCode));
            Assert.Contains("推广链接不存在", await unknown.Content.ReadAsStringAsync());
            Assert.False(unknown.Headers.TryGetValues("Set-Cookie", out _));
            await Task.Delay(1200); // longer than the flusher's batch interval
            Assert.Equal(total, await db.PromotionClicks.CountAsync());
        }
    }

    [Fact]
    public async Task Bots_and_prefetches_are_redirected_but_not_counted()
    {
        var (code, target, linkId) = await LinkOfAsync("13800000012");
        var before = await ClicksAsync(linkId);
        using var bot = Client("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)");
        using var prefetch = Client(Phone);
        prefetch.DefaultRequestHeaders.Add("Sec-Purpose", "prefetch");

        var crawled = await bot.GetAsync($"/r/{code}");
        var prefetched = await prefetch.GetAsync($"/r/{code}");

        Assert.Equal((target, target), (crawled.Headers.Location!.OriginalString, prefetched.Headers.Location!.OriginalString));
        Assert.False(crawled.Headers.TryGetValues("Set-Cookie", out _));
        await Task.Delay(1200);
        Assert.Equal(before, await ClicksAsync(linkId));
    }

    [Fact]
    public async Task A_suspended_distributors_link_still_redirects_but_attributes_nothing()
    {
        var (code, target, _) = await LinkOfAsync("13800000013");
        var distributorId = await QueryAsync(db => db.Distributors.Where(d => d.Mobile == "13800000013").Select(d => d.Id).SingleAsync());
        var admin = await QueryAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur.UserId).FirstAsync());
        await app.Factory.Services.GetRequiredService<DistributorAdminService>()
            .SuspendAsync(new Actor(admin, new HashSet<string> { Roles.Admin }), distributorId, "测试停用");
        using var client = Client(Phone);

        var response = await client.GetAsync($"/r/{code}");

        Assert.Equal(target, response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(ReferralCookie.Name));
    }

    private HttpClient Client(string agent)
    {
        var client = app.Factory.CreateBrowserlessClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        return client;
    }

    private Task<(string Code, string Target, int LinkId)> LinkOfAsync(string distributorPhone) => QueryAsync(async db =>
    {
        var link = await (from l in db.PromotionLinks join d in db.Distributors on l.DistributorId equals d.Id
                          where d.Mobile == distributorPhone orderby l.Id select l).FirstAsync();
        return (link.Code, link.TargetPath, link.Id);
    });

    private Task<int> ClicksAsync(int linkId) => QueryAsync(db => db.PromotionClicks.CountAsync(c => c.LinkId == linkId));

    private async Task<T> QueryAsync<T>(Func<MallDbContext, Task<T>> query)
    {
        await using var db = await ContextAsync();
        return await query(db);
    }

    private Task<MallDbContext> ContextAsync() => app.Factory.Services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50 && !await condition(); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(await condition(), "the click was not written within 5 s");
    }
}
