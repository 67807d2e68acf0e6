using MallPortal.Core.Accounts;
using MallPortal.Core.Common;

namespace MallPortal.Tests.Accounts;

public class VerificationCodePolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);
    private static readonly VerificationCodeRules Rules = new();

    private static DateTime[] Ago(params double[] minutes) => minutes.Select(m => Now.AddMinutes(-m)).ToArray();

    [Theory]
    [InlineData(new double[0], 0)]
    [InlineData(new[] { 1.0 }, 0)]              // 60 s after the last: allowed
    [InlineData(new[] { 5.0, 20, 40, 55 }, 0)]  // 4 in the hour
    [InlineData(new[] { 61.0, 70, 80, 90, 100, 120, 180, 240, 300 }, 0)] // 9 in the day, none this hour
    public void A_code_may_be_sent_within_the_limits(double[] minutesAgo, int fromClient) =>
        VerificationCodePolicy.EnsureMaySend(Rules, Ago(minutesAgo), fromClient, Now);

    [Theory]
    [InlineData(0.5, "请 30 秒后再试")]
    [InlineData(0.99, "请 1 秒后再试")]
    public void A_second_code_within_the_cooldown_is_refused_with_the_seconds_to_wait(double minutesAgo, string message)
    {
        var error = Assert.Throws<DomainException>(() => VerificationCodePolicy.EnsureMaySend(Rules, Ago(minutesAgo), 0, Now));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(new[] { 5.0, 15, 25, 35, 45 }, 0)]                         // 5 this hour
    [InlineData(new[] { 65.0, 120, 180, 240, 300, 360, 420, 480, 540, 600 }, 0)] // 10 today
    [InlineData(new double[0], 30)]                                         // this client asked 30 times
    public void Beyond_an_hourly_daily_or_client_cap_it_is_too_frequent(double[] minutesAgo, int fromClient)
    {
        var error = Assert.Throws<DomainException>(() => VerificationCodePolicy.EnsureMaySend(Rules, Ago(minutesAgo), fromClient, Now));
        Assert.Equal("操作过于频繁，请稍后再试", error.Message);
    }

    [Fact]
    public void Codes_older_than_a_day_no_longer_count() =>
        VerificationCodePolicy.EnsureMaySend(Rules, Ago(Enumerable.Range(0, 20).Select(i => 1441.0 + i).ToArray()), 0, Now);
}
