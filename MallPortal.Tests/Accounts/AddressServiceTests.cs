using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Accounts;

public class AddressServiceTests
{
    private static readonly AddressInput Home = new("张伟", "13800138000", "广东省", "深圳市", "南山区", "科技园科苑路 15 号");
    private static readonly AddressInput Office = new("张伟", "13800138000", "北京市", "北京市", "朝阳区", "建国路 88 号 2 号楼");

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task The_first_address_is_the_default_and_exactly_one_stays_default(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var actor = PasswordAndContactTests.ActorOf(await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111"));
        var addresses = db.Services.GetRequiredService<AddressService>();

        var home = await addresses.AddAsync(actor, Home, makeDefault: false);
        var office = await addresses.AddAsync(actor, Office, makeDefault: false);
        Assert.Equal(home, (await addresses.ListAsync(actor)).Single(a => a.IsDefault).Id);

        await addresses.SetDefaultAsync(actor, office);
        Assert.Equal(office, (await addresses.ListAsync(actor)).Single(a => a.IsDefault).Id);

        await addresses.DeleteAsync(actor, office);
        var left = Assert.Single(await addresses.ListAsync(actor));
        Assert.True(left.IsDefault);
        Assert.Equal("广东省深圳市南山区科技园科苑路 15 号", left.FullText);
    }

    [Theory]
    [InlineData("张伟", "1380013800", "广东省", "深圳市", "南山区", "科技园 1 号", "Mobile")]
    [InlineData("", "13800138000", "广东省", "深圳市", "南山区", "科技园 1 号", "RecipientName")]
    [InlineData("张伟", "13800138000", "广东省", "深圳市", "朝阳区", "科技园 1 号", "District")]
    [InlineData("张伟", "13800138000", "广东省", "北京市", "朝阳区", "科技园 1 号", "District")]
    [InlineData("张伟", "13800138000", "广东省", "深圳市", "南山区", "1", "Detail")]
    public async Task A_bad_address_is_refused_at_its_field_and_nothing_is_saved(
        string name, string mobile, string province, string city, string district, string detail, string field)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var actor = new Actor(1, new HashSet<string> { Roles.Consumer });
        await db.InScopeAsync(s => s.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync());
        var addresses = db.Services.GetRequiredService<AddressService>();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            addresses.AddAsync(actor, new AddressInput(name, mobile, province, city, district, detail), true));

        Assert.Equal(field, error.Field);
        Assert.Empty(await addresses.ListAsync(actor));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Nobody_sees_or_changes_another_users_address(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var owner = PasswordAndContactTests.ActorOf(await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111"));
        var other = PasswordAndContactTests.ActorOf(await AccountServiceTests.RegisterByPhoneAsync(db, "13900002222"));
        var addresses = db.Services.GetRequiredService<AddressService>();
        var id = await addresses.AddAsync(owner, Home, true);

        Assert.Empty(await addresses.ListAsync(other));
        await Assert.ThrowsAsync<DomainException>(() => addresses.UpdateAsync(other, id, Office));
        await Assert.ThrowsAsync<DomainException>(() => addresses.SetDefaultAsync(other, id));
        await Assert.ThrowsAsync<DomainException>(() => addresses.DeleteAsync(other, id));
        Assert.Equal("南山区", Assert.Single(await addresses.ListAsync(owner)).District);
    }
}
