using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Security;

/// <summary>The whole corpus stored, in the order the rules need (announcements before the new shops open, so only the demo merchants receive them).</summary>
internal static class XssScenario
{
    // Enough for one order per packed note or street (each order its own buyer) and one nickname per short payload.
    private const int People = 90;

    public static async Task<XssStored> StoreAsync(IServiceProvider services, XssCorpus corpus, Action<string> log)
    {
        var admin = await ActorAsync(services, MallPortalFactory.AdminLogin, Roles.Admin);
        var merchant = await ActorAsync(services, "13800000001", Roles.Merchant);
        var people = new XssPeopleSeeder(services, corpus);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var buyers = await people.RegisterAsync(People);
        log($"registered {clock.Elapsed.TotalSeconds:F0} s");
        await people.AnnounceAsync(admin);
        var brands = await people.CatalogNamesAsync(admin);
        log($"announced {clock.Elapsed.TotalSeconds:F0} s");
        var catalog = new XssCatalogSeeder(services, corpus);
        var collections = await catalog.CreateAsync(merchant, brands);
        await catalog.ShopAsync(merchant);
        log($"products {clock.Elapsed.TotalSeconds:F0} s");
        var orders = await new XssOrderSeeder(services, corpus).CreateAsync(merchant, buyers, collections);
        log($"orders {clock.Elapsed.TotalSeconds:F0} s");
        await people.ApplyForShopsAsync(admin, buyers);
        await people.ApplyToDistributeAsync(admin, buyers);
        log($"applications {clock.Elapsed.TotalSeconds:F0} s");

        await using var db = await services.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        var buyerIds = buyers.Values.Select(b => b.UserId).ToList();
        var shops = await db.Shops.Where(s => buyerIds.Contains(s.OwnerUserId) || s.OwnerUserId == merchant.UserId).Select(s => s.Id).ToListAsync();
        var distributors = await db.Distributors.Where(d => buyerIds.Contains(d.UserId)).Select(d => d.Id).ToListAsync();
        return new XssStored(collections, orders, shops, distributors);
    }

    private static async Task<Actor> ActorAsync(IServiceProvider services, string login, string role)
    {
        using var scope = services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<MallUser>>().Users.SingleAsync(u => u.PhoneNumber == login || u.Email == login);
        return new Actor(user.Id, new HashSet<string> { role, Roles.Consumer });
    }
}

internal sealed record XssStored(IReadOnlyList<XssCollection> Collections, IReadOnlyList<XssOrder> Orders, IReadOnlyList<int> ShopIds,
    IReadOnlyList<int> DistributorIds);
