using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Accounts;

public class PasswordAndContactTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Changing_the_password_renews_the_security_stamp_and_tells_the_user(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111");
        var actor = ActorOf(user);

        await db.InScopeAsync(s => s.GetRequiredService<PasswordService>().ChangeAsync(actor, "secret123", "newpass456"));

        await db.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<MallUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            Assert.NotEqual(user.SecurityStamp, stored.SecurityStamp);
            Assert.True(await users.CheckPasswordAsync(stored, "newpass456"));
        });
        Assert.Contains("登录密码已修改", await InboxTitlesAsync(db, user.Id));
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var user = await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111");

        var error = await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s =>
            s.GetRequiredService<PasswordService>().ChangeAsync(ActorOf(user), "wrong-one1", "newpass456")));

        Assert.Equal("CurrentPassword", error.Field);
        await db.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<MallUser>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(user.Id.ToString()))!, "secret123"));
        });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_forgotten_password_is_reset_with_an_SMS_code_and_a_lockout_lifted(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111");
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        var code = await db.SendCodeAsync("13900001111", VerificationPurpose.ResetPassword);

        await db.InScopeAsync(s => s.GetRequiredService<PasswordService>().ResetWithCodeAsync("13900001111", code, "reset789x"));

        await db.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<MallUser>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(user.Id.ToString()))!, "reset789x"));
        });
    }

    [Fact]
    public async Task A_login_code_cannot_reset_a_password()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111");
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        var loginCode = await db.SendCodeAsync("13900001111", VerificationPurpose.Login);

        await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s =>
            s.GetRequiredService<PasswordService>().ResetWithCodeAsync("13900001111", loginCode, "reset789x")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Changing_the_mobile_needs_the_password_and_the_code_sent_to_the_new_number(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111");
        var code = await db.SendCodeAsync("13900009999", VerificationPurpose.ChangeContact);
        var contacts = (IServiceProvider s) => s.GetRequiredService<ContactService>();

        var wrongPassword = await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s =>
            contacts(s).ChangeAsync(ActorOf(user), "nope12345", "13900009999", LoginKind.Mobile, code)));
        await db.InScopeAsync(s => contacts(s).ChangeAsync(ActorOf(user), "secret123", "13900009999", LoginKind.Mobile, code));

        Assert.Equal("Password", wrongPassword.Field);
        var found = await db.InScopeAsync(s => s.GetRequiredService<AccountService>().FindForLoginAsync("13900009999"));
        Assert.Equal(user.Id, found!.Id);
        Assert.Equal("13900009999", found.UserName);
        Assert.Null(await db.InScopeAsync(s => s.GetRequiredService<AccountService>().FindForLoginAsync("13900001111")));
        Assert.Contains("手机号已更换", await InboxTitlesAsync(db, user.Id));
        await using var context = await db.ContextAsync();
        var told = await context.OutboxMessages.Where(m => m.TemplateKey == "contact-changed").Select(m => m.Recipient).ToListAsync();
        Assert.Equal(["13900001111", "13900009999"], told.Order());
    }

    [Fact]
    public async Task No_code_goes_to_a_new_contact_before_the_password_is_right_or_for_the_same_contact()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var user = await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111");
        var contacts = db.Services.CreateScope().ServiceProvider.GetRequiredService<ContactService>();

        var wrong = await Assert.ThrowsAsync<DomainException>(() =>
            contacts.SendCodeAsync(ActorOf(user), "nope12345", "13900009999", LoginKind.Mobile, "10.0.0.1"));
        var same = await Assert.ThrowsAsync<DomainException>(() =>
            contacts.SendCodeAsync(ActorOf(user), "secret123", "13900001111", LoginKind.Mobile, "10.0.0.1"));
        var notEmail = await Assert.ThrowsAsync<DomainException>(() =>
            contacts.SendCodeAsync(ActorOf(user), "secret123", "13900009999", LoginKind.Email, "10.0.0.1"));

        Assert.Equal(("Password", "新的手机号与当前相同", "邮箱格式不正确"), (wrong.Field, same.Message, notEmail.Message));
        await using var context = await db.ContextAsync();
        Assert.Equal(0, await context.OutboxMessages.CountAsync(m => m.Recipient == "13900009999"));
    }

    internal static Actor ActorOf(MallUser user) => new(user.Id, new HashSet<string> { Roles.Consumer });

    internal static async Task<List<string>> InboxTitlesAsync(TestDatabase db, int userId)
    {
        await using var context = await db.ContextAsync();
        return await context.Notifications.Where(n => n.UserId == userId).Select(n => n.Title).ToListAsync();
    }
}
