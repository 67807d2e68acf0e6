using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Accounts;

public class AccountServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Registering_by_mobile_creates_a_consumer_who_can_be_found_by_that_number(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var code = await db.SendCodeAsync("13800138000", VerificationPurpose.Register);
        var id = (await db.InScopeAsync(s => s.GetRequiredService<AccountService>()
            .RegisterAsync(new RegisterInput("+86 138 0013 8000", "secret123", Code: code)))).Id;

        await db.InScopeAsync(async s =>
        {
            var accounts = s.GetRequiredService<AccountService>();
            var user = await accounts.FindForLoginAsync("13800138000");
            Assert.NotNull(user);
            Assert.Equal(id, user.Id);
            Assert.Equal("用户8000", user.Nickname);
            Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, user.CreatedAt);
            var users = s.GetRequiredService<UserManager<MallUser>>();
            Assert.Equal([Roles.Consumer], await users.GetRolesAsync(user));
            Assert.True(await users.CheckPasswordAsync(user, "secret123"));
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Registering_by_email_finds_the_user_by_email_in_any_case(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        await db.InScopeAsync(s => s.GetRequiredService<AccountService>()
            .RegisterAsync(new RegisterInput("Zhang.Wei@Example.com", "secret123", "小张")));

        var user = await db.InScopeAsync(s => s.GetRequiredService<AccountService>().FindForLoginAsync("zhang.wei@example.com"));
        Assert.NotNull(user);
        Assert.Equal("小张", user.Nickname);
        Assert.Null(user.PhoneNumber);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_taken_mobile_number_is_refused_and_nothing_is_created(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await RegisterByPhoneAsync(db, "13800138000");

        var error = await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s =>
            s.GetRequiredService<AccountService>().RegisterAsync(new RegisterInput("13800138000", "other4567", Code: "123456"))));

        Assert.Equal("Login", error.Field);
        Assert.Contains("已注册", error.Message);
        Assert.Equal(1, await CountUsersAsync(db));
    }

    [Theory]
    [InlineData("short1", "密码至少 8 位")]
    [InlineData("onlyletters", "字母和数字")]
    [InlineData("12345678", "字母和数字")]
    public async Task A_weak_password_is_refused_at_the_password_field_and_nothing_is_created(string password, string message)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var error = await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s =>
            s.GetRequiredService<AccountService>().RegisterAsync(new RegisterInput("13800138000", password))));

        Assert.Equal("Password", error.Field);
        Assert.Contains(message, error.Message);
        Assert.Equal(0, await CountUsersAsync(db));
    }

    [Theory]
    [InlineData("1380013800")]
    [InlineData("zhang@")]
    public async Task An_invalid_mobile_or_email_is_refused_at_the_login_field(string login)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var error = await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s =>
            s.GetRequiredService<AccountService>().RegisterAsync(new RegisterInput(login, "secret123"))));

        Assert.Equal("Login", error.Field);
        Assert.Equal(0, await CountUsersAsync(db));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await RegisterByPhoneAsync(db, "13800138000");

        await db.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<MallUser>>();
            var user = (await s.GetRequiredService<AccountService>().FindForLoginAsync("13800138000"))!;
            for (var i = 0; i < 4; i++)
            {
                await users.AccessFailedAsync(user);
            }
            Assert.False(await users.IsLockedOutAsync(user));
            await users.AccessFailedAsync(user);
            Assert.True(await users.IsLockedOutAsync(user));
            // Identity keeps lockout on its own clock (the system's), not on our TimeProvider.
            var minutes = ((await users.GetLockoutEndDateAsync(user))!.Value - DateTimeOffset.UtcNow).TotalMinutes;
            Assert.InRange(minutes, 14.9, 15.0);
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Registering_by_mobile_needs_the_SMS_code_and_a_wrong_code_creates_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var code = await db.SendCodeAsync("13800138000", VerificationPurpose.Register);
        var wrong = code == "000000" ? "111111" : "000000";

        var missing = await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s =>
            s.GetRequiredService<AccountService>().RegisterAsync(new RegisterInput("13800138000", "secret123"))));
        var mistaken = await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s =>
            s.GetRequiredService<AccountService>().RegisterAsync(new RegisterInput("13800138000", "secret123", Code: wrong))));

        Assert.Equal("Code", missing.Field);
        Assert.Equal("验证码错误", mistaken.Message);
        Assert.Equal(0, await CountUsersAsync(db));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_first_SMS_login_registers_a_consumer_and_the_next_finds_the_same_one(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var first = await db.InScopeAsync(async s => await s.GetRequiredService<AccountService>()
            .LoginWithCodeAsync("13900001111", await db.SendCodeAsync("13900001111", VerificationPurpose.Login)));
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        var second = await db.InScopeAsync(async s => await s.GetRequiredService<AccountService>()
            .LoginWithCodeAsync("13900001111", await db.SendCodeAsync("13900001111", VerificationPurpose.Login)));

        Assert.Equal(first.Id, second.Id);
        Assert.True(first.PhoneNumberConfirmed);
        Assert.Equal(1, await CountUsersAsync(db));
    }

    [Fact]
    public async Task A_code_sent_for_registering_does_not_log_in()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var code = await db.SendCodeAsync("13900001111", VerificationPurpose.Register);

        var error = await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s =>
            s.GetRequiredService<AccountService>().LoginWithCodeAsync("13900001111", code)));

        Assert.Equal("请先获取验证码", error.Message);
        Assert.Equal(0, await CountUsersAsync(db));
    }

    internal static async Task<MallUser> RegisterByPhoneAsync(TestDatabase db, string phone, string password = "secret123")
    {
        var code = await db.SendCodeAsync(phone, VerificationPurpose.Register);
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        return await db.InScopeAsync(s => s.GetRequiredService<AccountService>().RegisterAsync(new RegisterInput(phone, password, Code: code)));
    }

    private static Task<int> CountUsersAsync(TestDatabase db) => db.InScopeAsync(async s =>
    {
        await using var context = await s.GetRequiredService<IDbContextFactory<MallDbContext>>().CreateDbContextAsync();
        return await context.Users.CountAsync();
    });
}
