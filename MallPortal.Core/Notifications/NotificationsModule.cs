using MallPortal.Core.Notifications.Email;
using MallPortal.Core.Notifications.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Notifications;

public static class NotificationsModule
{
    /// <summary>Inbox, outbox and its senders: SMS by <c>Sms:Provider</c>, e-mail by <c>Email:Mode</c>.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.Configure<SmsOptions>(configuration.GetSection(SmsOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<NotificationService>();
        services.AddSingleton<InboxService>();
        services.AddSingleton<PreferenceService>();
        services.AddSingleton<OutboxQueries>();
        services.AddSingleton<BroadcastService>();
        services.AddTransient<OutboxDispatcher>();
        services.TryAddSingleton<IOutboxSignal, NoOutboxSignal>();
        services.AddSingleton<IMailSender>(sp => new MailKitMailSender(sp.GetRequiredService<IOptions<EmailOptions>>(), dataFolder));

        services.AddSingleton<DevelopmentSmsSender>();
        services.AddHttpClient<AliyunSmsSender>();
        services.AddHttpClient<TencentSmsSender>();
        // Transient, so each dispatch gets a fresh typed HttpClient (handlers rotate; DNS changes are seen).
        services.AddTransient<ISmsSender>(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.Provider switch
        {
            "Aliyun" => sp.GetRequiredService<AliyunSmsSender>(),
            "Tencent" => sp.GetRequiredService<TencentSmsSender>(),
            _ => sp.GetRequiredService<DevelopmentSmsSender>(),
        });
        return services;
    }
}
