using MallPortal.Core.Accounts;
using MallPortal.Core.Catalog;
using MallPortal.Core.Common;
using MallPortal.Core.Distribution;
using MallPortal.Core.Notifications;
using MallPortal.Tests.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Security;

/// <summary>
/// What people type about themselves, stored through the services the pages call: a registration's nickname, a shop
/// application (shop and contact names), a distributor application (name, region, reason), the admin's announcements,
/// categories and brands. Registration hashes a password (about a quarter of a second here), so there are fewer people
/// than payloads: each applies again after a rejection, as a person may.
/// </summary>
internal sealed class XssPeopleSeeder(IServiceProvider services, XssCorpus corpus)
{
    public const string Password = "xss12345";

    public static string Login(int number) => $"xss{number}@xss.test";

    /// <summary>Registers <paramref name="count"/> consumers, person n with payload n as nickname when it fits; returns them by n.</summary>
    public async Task<Dictionary<int, Actor>> RegisterAsync(int count)
    {
        var people = new Dictionary<int, Actor>();
        var nicknamed = corpus.Numbers.Where(n => corpus[n].Trim().Length <= MallUser.NicknameMaxLength).ToList();
        foreach (var n in corpus.Numbers.Take(count))
        {
            using var scope = services.CreateScope();
            var nickname = n <= nicknamed.Count ? corpus.Fit("nickname", nicknamed[n - 1], MallUser.NicknameMaxLength, "") : $"语料用户{n}";
            var user = await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync(new RegisterInput(Login(n), Password, nickname));
            people[n] = new Actor(user.Id, new HashSet<string> { Roles.Consumer });
        }
        return people;
    }

    /// <summary>Every merchant reads the announcements in the inbox: one per payload that fits a title, the bodies packed.</summary>
    public async Task AnnounceAsync(Actor admin)
    {
        var broadcasts = services.GetRequiredService<BroadcastService>();
        var bodies = corpus.Pack(Broadcast.BodyMaxLength);
        var titled = corpus.Numbers.Where(n => corpus[n].Trim().Length <= Broadcast.TitleMaxLength).ToList();
        for (var i = 0; i < Math.Max(titled.Count, bodies.Count); i++)
        {
            var title = i < titled.Count ? corpus.Fit("announcement title", titled[i], Broadcast.TitleMaxLength, "") : $"平台公告 {i}";
            var body = i < bodies.Count ? bodies[i].Text : "公告正文";
            if (i < bodies.Count)
            {
                corpus.Record("announcement body", bodies[i].Numbers);
            }
            await broadcasts.SendAsync(admin, BroadcastAudience.AllMerchants, title, body);
        }
    }

    public async Task<List<int>> CatalogNamesAsync(Actor admin)
    {
        var catalog = services.GetRequiredService<CatalogAdminService>();
        foreach (var n in corpus.Numbers.Where(n => corpus[n].Trim().Length <= Category.NameMaxLength))
        {
            await catalog.AddCategoryAsync(admin, corpus.Fit("category name", n, Category.NameMaxLength, ""), null);
        }
        var brands = new List<int>();
        foreach (var n in corpus.Numbers.Where(n => corpus[n].Trim().Length <= Brand.NameMaxLength))
        {
            brands.Add(await catalog.AddBrandAsync(admin, corpus.Fit("brand name", n, Brand.NameMaxLength, "")));
        }
        return brands;
    }

    /// <summary>
    /// One shop application per payload, the people taking turns: an application is rejected (the admin's reason carries
    /// a payload too) unless it is its applicant's last and its shop name is a payload, when the shop opens.
    /// </summary>
    public async Task ApplyForShopsAsync(Actor admin, IReadOnlyDictionary<int, Actor> people)
    {
        using var scope = services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<MerchantApplicationService>();
        foreach (var n in corpus.Numbers)
        {
            var named = corpus[n].Trim().Length <= MerchantApplication.ShopNameMaxLength;
            var input = new MerchantApplicationInput(corpus.Fit("shop name", n, MerchantApplication.ShopNameMaxLength, $"语料店铺{n}"),
                corpus.Fit("shop contact name", n, 20, "联系人"), $"139{n:D8}", "91350100M000100Y43");
            var id = await applications.SubmitAsync(people[Turn(n, people.Count)], input, ProfileServiceTests.Png(300, 200));
            if (named && n + people.Count > corpus.Payloads.Count)
            {
                await applications.ApproveAsync(admin, id);
            }
            else
            {
                await applications.RejectAsync(admin, id, corpus.Fit("shop application rejection reason", n, ReviewedApplication.ReasonMaxLength, "资料不全"));
            }
        }
    }

    /// <summary>One distributor application per payload, the people taking turns; the last applications of the first 30 people are approved.</summary>
    public async Task ApplyToDistributeAsync(Actor admin, IReadOnlyDictionary<int, Actor> people)
    {
        using var scope = services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<DistributorApplicationService>();
        foreach (var n in corpus.Numbers)
        {
            var input = new DistributorApplicationInput(ApplicantKind.Individual, corpus.Fit("distributor real name", n, 20, $"申请人{n}"),
                "110105198803151232", null, null, $"137{n:D8}", corpus.Fit("distributor region", n, 60, "广东深圳"),
                corpus.Fit("distributor reason", n, DistributorApplication.ReasonMaxLength, "想推广"), null);
            var person = Turn(n, people.Count);
            var id = await applications.SubmitAsync(people[person], input, []);
            if (person <= 30 && n + people.Count > corpus.Payloads.Count)
            {
                await applications.ApproveAsync(admin, id);
            }
            else
            {
                await applications.RejectAsync(admin, id, corpus.Fit("distributor application rejection reason", n, DistributorApplication.ReasonMaxLength, "资料不全"));
            }
        }
    }

    private static int Turn(int number, int people) => (number - 1) % people + 1;
}
