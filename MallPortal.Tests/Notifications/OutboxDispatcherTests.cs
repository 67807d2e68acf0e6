using MallPortal.Core.Accounts;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using MallPortal.Core.Notifications.Sms;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Notifications;

public class OutboxDispatcherTests
{
    private sealed class ScriptedSms(params SmsSendResult[] results) : ISmsSender
    {
        private int _calls;

        public int Calls => _calls;

        public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default) =>
            Task.FromResult(results[Math.Min(Interlocked.Increment(ref _calls) - 1, results.Length - 1)]);
    }

    [Fact]
    public async Task A_failed_send_is_retried_after_the_backoff_and_then_sent()
    {
        var sms = new ScriptedSms(SmsSendResult.Failed("HttpRequestException: 连接超时"), SmsSendResult.Sent("biz-1"));
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, s => s.AddSingleton<ISmsSender>(sms));
        await db.InScopeAsync(s => s.GetRequiredService<NotificationService>().SendToContactAsync(
            LoginIdentifier.Parse("13900001111"), NotificationTemplates.Announcement,
            new Dictionary<string, string> { ["title"] = "公告", ["body"] = "内容" }));
        var dispatcher = db.Services.GetRequiredService<OutboxDispatcher>();
        var now = db.Clock.GetUtcNow().UtcDateTime;

        Assert.Equal(1, await dispatcher.DispatchDueAsync(now));
        var afterFirst = await SingleAsync(db);
        Assert.Equal(0, await dispatcher.DispatchDueAsync(now.AddSeconds(29)));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(now.AddSeconds(30)));

        Assert.Equal((OutboxStatus.Pending, 1), (afterFirst.Status, afterFirst.Attempts));
        Assert.Equal("HttpRequestException: 连接超时", afterFirst.LastError);
        var sent = await SingleAsync(db);
        Assert.Equal((OutboxStatus.Sent, 2, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.Equal(2, sms.Calls);
    }

    [Fact]
    public async Task A_code_the_provider_refuses_for_flow_control_tells_the_person_it_is_too_frequent()
    {
        var sms = new ScriptedSms(SmsSendResult.Limited("isv.BUSINESS_LIMIT_CONTROL: 触发天级流控Permits:10"));
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, s => s.AddSingleton<ISmsSender>(sms));

        var error = await Assert.ThrowsAsync<MallPortal.Core.Common.DomainException>(() =>
            db.SendCodeAsync("13900001111", VerificationPurpose.Login));

        Assert.Equal("操作过于频繁，请稍后再试", error.Message);
        var message = await SingleAsync(db);
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(0, await db.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(db.Clock.GetUtcNow().UtcDateTime.AddHours(1)));
    }

    [Fact]
    public async Task After_the_last_try_the_message_is_failed_with_its_last_error_and_left_alone()
    {
        var sms = new ScriptedSms(SmsSendResult.Failed("isv.MOBILE_NUMBER_ILLEGAL: 号码格式错误"));
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, s => s.AddSingleton<ISmsSender>(sms));
        await db.InScopeAsync(s => s.GetRequiredService<NotificationService>().SendToContactAsync(
            LoginIdentifier.Parse("13900001111"), NotificationTemplates.Announcement,
            new Dictionary<string, string> { ["title"] = "公告", ["body"] = "内容" }));
        var dispatcher = db.Services.GetRequiredService<OutboxDispatcher>();
        var time = db.Clock.GetUtcNow().UtcDateTime;

        for (var i = 0; i < OutboxMessage.MaxAttempts + 2; i++)
        {
            await dispatcher.DispatchDueAsync(time);
            time = time.AddHours(3);
        }

        var failed = await SingleAsync(db);
        Assert.Equal((OutboxStatus.Failed, OutboxMessage.MaxAttempts), (failed.Status, failed.Attempts));
        Assert.Equal("isv.MOBILE_NUMBER_ILLEGAL: 号码格式错误", failed.LastError);
        Assert.Equal(OutboxMessage.MaxAttempts, sms.Calls);
    }

    [Fact]
    public async Task The_backoff_grows_between_tries()
    {
        var message = new OutboxMessage(NotificationChannel.Sms, "13900001111", "k", null, "b", "b", null, DateTime.UnixEpoch);
        var waits = new List<TimeSpan>();
        var now = DateTime.UnixEpoch;
        for (var i = 0; i < OutboxMessage.MaxAttempts - 1; i++)
        {
            message.MarkFailed("x", now);
            waits.Add(message.NextAttemptAt - now);
            now = message.NextAttemptAt;
        }
        Assert.Equal(OutboxMessage.Backoff, waits);
    }

    private static async Task<OutboxMessage> SingleAsync(TestDatabase db)
    {
        await using var context = await db.ContextAsync();
        return await context.OutboxMessages.AsNoTracking().SingleAsync();
    }
}
