using MallPortal.Core.Accounts;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Notifications;
using MallPortal.Core.Seeding;
using MallPortal.Tests.Accounts;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Notifications;

public class NotificationServiceTests
{
    private static readonly NotificationTemplate OrderShipped = new(
        "test-order-shipped", NotificationCategory.Orders, "订单已发货", "订单 {order} 已发货",
        SmsText: "【MallPortal】订单{order}已发货", EmailSubject: "订单已发货", EmailBody: "订单 {order} 已发货");

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_notification_goes_to_the_inbox_and_to_the_channels_the_user_chose(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111");
        var actor = PasswordAndContactTests.ActorOf(user);
        var notifications = db.Services.GetRequiredService<NotificationService>();
        var values = new Dictionary<string, string> { ["order"] = "M2026112600001" };

        await notifications.NotifyAsync(user.Id, OrderShipped, values, "/orders/M2026112600001");
        var smsBefore = await CountOutboxAsync(db, "test-order-shipped");
        await db.Services.GetRequiredService<PreferenceService>().SaveAsync(actor,
            [new PreferenceRow(NotificationCategory.Orders, Sms: false, Email: false, Locked: false)]);
        await notifications.NotifyAsync(user.Id, OrderShipped, values);

        Assert.Equal(1, smsBefore);
        Assert.Equal(1, await CountOutboxAsync(db, "test-order-shipped"));
        var inbox = await db.Services.GetRequiredService<InboxService>().ListAsync(actor, false, 0, 10);
        Assert.Equal(3, inbox.Total); // two order messages after the welcome
        Assert.Equal("订单 M2026112600001 已发货", inbox.Items[0].Body);
        Assert.Equal(3, await db.Services.GetRequiredService<InboxService>().CountUnreadAsync(actor));
    }

    [Fact]
    public async Task Security_messages_go_out_even_when_the_user_turned_everything_off()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var user = await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111");
        var actor = PasswordAndContactTests.ActorOf(user);
        var preferences = db.Services.GetRequiredService<PreferenceService>();
        await preferences.SaveAsync(actor, (await preferences.GetAsync(actor)).Select(p => p with { Sms = false, Email = false }).ToList());

        await db.Services.GetRequiredService<NotificationService>().NotifyAsync(user.Id, NotificationTemplates.PasswordChanged,
            new Dictionary<string, string> { ["time"] = "2026-11-26 20:00" });

        Assert.Equal(1, await CountOutboxAsync(db, "password-changed"));
        Assert.True((await preferences.GetAsync(actor)).Single(p => p.Category == NotificationCategory.Security) is { Sms: true, Locked: true });
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_user_reads_only_their_own_messages(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var owner = PasswordAndContactTests.ActorOf(await AccountServiceTests.RegisterByPhoneAsync(db, "13900001111"));
        var other = PasswordAndContactTests.ActorOf(await AccountServiceTests.RegisterByPhoneAsync(db, "13900002222"));
        var inbox = db.Services.GetRequiredService<InboxService>();
        var ownersMessage = (await inbox.ListAsync(owner, false, 0, 10)).Items.Single();

        var error = await Assert.ThrowsAsync<DomainException>(() => inbox.MarkReadAsync(other, ownersMessage.Id));

        Assert.Equal("消息不存在或已删除", error.Message);
        Assert.Equal(1, await inbox.CountUnreadAsync(owner));
        await inbox.MarkReadAsync(owner, ownersMessage.Id);
        Assert.Equal(0, await inbox.CountUnreadAsync(owner));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_admin_announces_to_all_merchants_and_others_may_not(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IdentityBootstrapper>().EnsureAdminAsync();
            await s.GetRequiredService<DemoDataSeeder>().SeedAsync();
        });
        var broadcasts = db.Services.GetRequiredService<BroadcastService>();
        var admin = new Actor(1, new HashSet<string> { Roles.Admin });
        var merchant = new Actor(2, new HashSet<string> { Roles.Merchant });

        var reached = await broadcasts.SendAsync(admin, BroadcastAudience.AllMerchants, "双十二活动报名", "请于 12 月 5 日前报名。");
        await Assert.ThrowsAsync<DomainException>(() => broadcasts.SendAsync(merchant, BroadcastAudience.AllMerchants, "x", "y"));
        var empty = await Assert.ThrowsAsync<DomainException>(() => broadcasts.SendAsync(admin, BroadcastAudience.AllDistributors, " ", "y"));

        Assert.Equal(2, reached);
        Assert.Equal("Title", empty.Field);
        var history = Assert.Single(await broadcasts.ListAsync(admin));
        Assert.Equal((BroadcastAudience.AllMerchants, 2), (history.Audience, history.RecipientCount));
        await using var context = await db.ContextAsync();
        Assert.Equal(2, await context.Notifications.CountAsync(n => n.Title == "双十二活动报名"));
    }

    private static async Task<int> CountOutboxAsync(TestDatabase db, string templateKey)
    {
        await using var context = await db.ContextAsync();
        return await context.OutboxMessages.CountAsync(m => m.TemplateKey == templateKey && m.Channel == NotificationChannel.Sms);
    }
}
