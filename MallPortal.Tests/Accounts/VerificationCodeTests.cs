using MallPortal.Core.Accounts;
using MallPortal.Core.Common;

namespace MallPortal.Tests.Accounts;

public class VerificationCodeTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    private static (VerificationCode Code, string Plain) Issue() =>
        VerificationCode.Issue("13800138000", VerificationPurpose.Login, "127.0.0.1", Now, TimeSpan.FromMinutes(5));

    [Fact]
    public void A_code_is_six_digits_and_only_its_hash_is_kept()
    {
        var (code, plain) = Issue();
        Assert.Matches("^[0-9]{6}$", plain);
        Assert.DoesNotContain(plain, code.CodeHash);
        Assert.Equal(Now.AddMinutes(5), code.ExpiresAt);
    }

    [Fact]
    public void The_right_code_works_once()
    {
        var (code, plain) = Issue();
        code.Consume(plain, Now.AddMinutes(4), 5);
        var again = Assert.Throws<DomainException>(() => code.Consume(plain, Now.AddMinutes(4), 5));
        Assert.Equal("验证码已失效，请重新获取", again.Message);
    }

    [Fact]
    public void After_five_minutes_the_code_has_expired()
    {
        var (code, plain) = Issue();
        var error = Assert.Throws<DomainException>(() => code.Consume(plain, Now.AddMinutes(5), 5));
        Assert.Equal("验证码已过期，请重新获取", error.Message);
    }

    [Fact]
    public void Five_wrong_tries_kill_the_code_even_for_the_right_one_afterwards()
    {
        var (code, plain) = Issue();
        var wrong = plain == "000000" ? "111111" : "000000";
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("验证码错误", Assert.Throws<DomainException>(() => code.Consume(wrong, Now, 5)).Message);
        }
        Assert.Equal("验证码已失效，请重新获取", Assert.Throws<DomainException>(() => code.Consume(wrong, Now, 5)).Message);
        Assert.Throws<DomainException>(() => code.Consume(plain, Now, 5));
        Assert.Equal(5, code.FailedAttempts);
    }
}
