using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Seeding;
using MallPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Accounts;

public class AccountQueriesTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task The_admin_sees_users_per_role_and_a_searchable_paged_list(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider);
        var admin = await AdminAsync(db);
        var queries = db.Services.GetRequiredService<AccountQueries>();

        var counts = await queries.CountUsersByRoleAsync(admin);
        Assert.Equal(1, counts[Roles.Admin]);
        Assert.Equal(2, counts[Roles.Merchant]);
        Assert.Equal(3, counts[Roles.Distributor]);
        Assert.Equal(AccountsDemoSeeder.Logins.Count + 1, counts[Roles.Consumer]);

        var firstPage = await queries.ListUsersAsync(admin, null, 0, 5);
        Assert.Equal(AccountsDemoSeeder.Logins.Count + 1, firstPage.Total);
        Assert.Equal(5, firstPage.Items.Count);

        var found = await queries.ListUsersAsync(admin, "13800000012", 0, 20);
        var row = Assert.Single(found.Items);
        Assert.Equal([Roles.Consumer, Roles.Distributor], row.Roles);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_consumer_or_merchant_cannot_list_users(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateSeededAsync(provider);
        var queries = db.Services.GetRequiredService<AccountQueries>();
        var merchant = new Actor(2, new HashSet<string> { Roles.Merchant, Roles.Consumer });

        await Assert.ThrowsAsync<DomainException>(() => queries.ListUsersAsync(merchant, null, 0, 20));
        await Assert.ThrowsAsync<DomainException>(() => queries.CountUsersByRoleAsync(merchant));
    }

    [Fact]
    public async Task A_user_sees_only_their_own_profile()
    {
        await using var db = await TestDatabase.CreateSeededAsync(DatabaseProvider.Sqlite);
        var user = await db.InScopeAsync(s => s.GetRequiredService<AccountService>().FindForLoginAsync("13800000021"));
        var actor = new Actor(user!.Id, new HashSet<string> { Roles.Consumer });

        var profile = await db.Services.GetRequiredService<AccountQueries>().GetProfileAsync(actor);

        Assert.Equal("13800000021", profile.PhoneNumber);
        Assert.Equal("消费者 陈静", profile.Nickname);
    }


    private static async Task<Actor> AdminAsync(TestDatabase db)
    {
        var admin = await db.InScopeAsync(s => s.GetRequiredService<AccountService>().FindForLoginAsync("admin@test.local"));
        return new Actor(admin!.Id, new HashSet<string> { Roles.Admin, Roles.Consumer });
    }
}
