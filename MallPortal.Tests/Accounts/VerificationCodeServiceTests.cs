using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Accounts;

public class VerificationCodeServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Resending_within_a_minute_is_refused_and_allowed_after_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var codes = db.Services.GetRequiredService<VerificationCodeService>();
        var phone = LoginIdentifier.Parse("13900001111");

        await codes.SendAsync(phone, VerificationPurpose.Login, "10.0.0.1");
        db.Clock.Advance(TimeSpan.FromSeconds(59));
        var error = await Assert.ThrowsAsync<DomainException>(() => codes.SendAsync(phone, VerificationPurpose.Login, "10.0.0.1"));
        db.Clock.Advance(TimeSpan.FromSeconds(1));
        await codes.SendAsync(phone, VerificationPurpose.Login, "10.0.0.1");

        Assert.Contains("1 秒后再试", error.Message);
        Assert.Equal(2, await CountAsync(db, c => true));
    }

    [Fact]
    public async Task The_sixth_code_in_an_hour_is_too_frequent()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var codes = db.Services.GetRequiredService<VerificationCodeService>();
        var phone = LoginIdentifier.Parse("13900001111");
        for (var i = 0; i < 5; i++)
        {
            await codes.SendAsync(phone, VerificationPurpose.Login, "10.0.0.1");
            db.Clock.Advance(TimeSpan.FromMinutes(2));
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => codes.SendAsync(phone, VerificationPurpose.Login, "10.0.0.1"));

        Assert.Equal("操作过于频繁，请稍后再试", error.Message);
    }

    [Fact]
    public async Task A_reset_code_for_an_unknown_contact_is_recorded_but_never_delivered()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var codes = db.Services.GetRequiredService<VerificationCodeService>();

        await codes.SendAsync(LoginIdentifier.Parse("13900002222"), VerificationPurpose.ResetPassword, "10.0.0.1");

        Assert.Equal(1, await CountAsync(db, c => c.Target == "13900002222"));
        await using var context = await db.ContextAsync();
        Assert.Equal(0, await context.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task A_code_to_register_or_move_to_a_taken_number_is_not_delivered_and_the_change_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var owner = await AccountServiceTests.RegisterByPhoneAsync(db, "13900003333");
        var other = await AccountServiceTests.RegisterByPhoneAsync(db, "13900004444");
        var codes = db.Services.GetRequiredService<VerificationCodeService>();
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await using (var before = await db.ContextAsync())
        {
            Assert.Equal(2, await before.OutboxMessages.CountAsync());
        }

        await codes.SendAsync(LoginIdentifier.Parse("13900003333"), VerificationPurpose.Register, "10.0.0.1");
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        await codes.SendAsync(LoginIdentifier.Parse("13900003333"), VerificationPurpose.ChangeContact, "10.0.0.1");
        var error = await Assert.ThrowsAsync<DomainException>(() => db.InScopeAsync(s => s.GetRequiredService<ContactService>()
            .ChangeAsync(PasswordAndContactTests.ActorOf(other), "secret123", "13900003333", LoginKind.Mobile, "123456")));

        Assert.Equal("该手机号已被其他账号使用", error.Message);
        await using var context = await db.ContextAsync();
        Assert.Equal(2, await context.OutboxMessages.CountAsync());
        Assert.Equal(4, await context.VerificationCodes.CountAsync());
        Assert.NotEqual(owner.Id, other.Id);
    }

    [Fact]
    public async Task The_sms_text_carries_the_code_and_the_admin_copy_hides_it()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var code = await db.SendCodeAsync("13900004444", VerificationPurpose.Login);

        await using var context = await db.ContextAsync();
        var sms = await context.OutboxMessages.SingleAsync();
        Assert.Contains(code, sms.Body);
        Assert.DoesNotContain(code, sms.MaskedBody);
        Assert.Contains("******", sms.MaskedBody);
        Assert.StartsWith("【MallPortal】您的验证码为", sms.Body);
    }

    private static async Task<int> CountAsync(TestDatabase db, System.Linq.Expressions.Expression<Func<VerificationCode, bool>> where)
    {
        await using var context = await db.ContextAsync();
        return await context.VerificationCodes.CountAsync(where);
    }
}
