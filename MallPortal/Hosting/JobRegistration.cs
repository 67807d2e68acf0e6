using MallPortal.Core.Notifications;
using MallPortal.Core.Common;
using MallPortal.Features.Distribution;
using MallPortal.Features.Inventory;
using MallPortal.Features.Notifications;
using MallPortal.Features.Orders;
using Quartz;

namespace MallPortal.Hosting;

public static class JobRegistration
{
    /// <summary>Quartz with the in-memory store (one instance). Jobs are thin calls into Core.</summary>
    public static IServiceCollection AddMallJobs(this IServiceCollection services, IConfiguration config)
    {
        var dispatchEvery = TimeSpan.FromSeconds(config.GetValue("Notifications:DispatchIntervalSeconds", 15));
        services.AddQuartz(q =>
        {
            q.AddJob<DispatchOutboxJob>(j => j.WithIdentity(DispatchOutboxJob.Key));
            q.AddTrigger(t => t.ForJob(DispatchOutboxJob.Key).WithIdentity("dispatch-outbox-tick")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(dispatchEvery).RepeatForever()));
            q.AddJob<SendStockDigestJob>(j => j.WithIdentity(SendStockDigestJob.Key));
            q.AddTrigger(t => t.ForJob(SendStockDigestJob.Key).WithIdentity("stock-digest-daily")
                .WithCronSchedule("0 0 9 * * ?", c => c.InTimeZone(BusinessTimeZone.FromId(config["Business:TimeZone"]).Zone)));
            var orderTick = TimeSpan.FromSeconds(config.GetValue("Orders:TimerIntervalSeconds", 60));
            q.AddJob<CloseUnpaidOrdersJob>(j => j.WithIdentity(CloseUnpaidOrdersJob.Key));
            q.AddJob<RemindUnpaidOrdersJob>(j => j.WithIdentity(RemindUnpaidOrdersJob.Key));
            q.AddJob<AutoConfirmReceiptJob>(j => j.WithIdentity(AutoConfirmReceiptJob.Key));
            q.AddJob<QueryLatePaymentsJob>(j => j.WithIdentity(QueryLatePaymentsJob.Key));
            foreach (var key in new[] { CloseUnpaidOrdersJob.Key, RemindUnpaidOrdersJob.Key, AutoConfirmReceiptJob.Key, QueryLatePaymentsJob.Key })
            {
                q.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name + "-tick").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(orderTick).RepeatForever()));
            }
            var settleEvery = TimeSpan.FromSeconds(config.GetValue("Distribution:SettleIntervalSeconds", 300));
            q.AddJob<SettleCommissionsJob>(j => j.WithIdentity(SettleCommissionsJob.Key));
            q.AddJob<SettleReceivablesJob>(j => j.WithIdentity(SettleReceivablesJob.Key));
            foreach (var key in new[] { SettleCommissionsJob.Key, SettleReceivablesJob.Key })
            {
                q.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name + "-tick").StartNow().WithSimpleSchedule(s => s.WithInterval(settleEvery).RepeatForever()));
            }
            q.AddJob<ReconcileFundsJob>(j => j.WithIdentity(ReconcileFundsJob.Key));
            q.AddTrigger(t => t.ForJob(ReconcileFundsJob.Key).WithIdentity("reconcile-funds-nightly")
                .WithCronSchedule("0 30 2 * * ?", c => c.InTimeZone(BusinessTimeZone.FromId(config["Business:TimeZone"]).Zone)));
            q.AddJob<ImportBillsJob>(j => j.WithIdentity(ImportBillsJob.Key));
            q.AddTrigger(t => t.ForJob(ImportBillsJob.Key).WithIdentity("import-bills-morning")
                .WithCronSchedule("0 30 10-18 * * ?", c => c.InTimeZone(ImportBillsJob.ChinaTime)));
            q.AddJob<UpgradeGradesJob>(j => j.WithIdentity(UpgradeGradesJob.Key));
            q.AddTrigger(t => t.ForJob(UpgradeGradesJob.Key).WithIdentity("upgrade-grades-daily")
                .WithCronSchedule("0 0 3 * * ?", c => c.InTimeZone(BusinessTimeZone.FromId(config["Business:TimeZone"]).Zone)));
            q.AddJob<TrackParcelsJob>(j => j.WithIdentity(TrackParcelsJob.Key));
            q.AddTrigger(t => t.ForJob(TrackParcelsJob.Key).WithIdentity("track-parcels-tick").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(config.GetValue("Logistics:TrackIntervalSeconds", 15))).RepeatForever()));
            q.AddJob<AfterSaleDeadlinesJob>(j => j.WithIdentity(AfterSaleDeadlinesJob.Key));
            q.AddTrigger(t => t.ForJob(AfterSaleDeadlinesJob.Key).WithIdentity("aftersale-deadlines-tick").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(orderTick).RepeatForever()));
            q.AddJob<FlagSilentParcelsJob>(j => j.WithIdentity(FlagSilentParcelsJob.Key));
            q.AddTrigger(t => t.ForJob(FlagSilentParcelsJob.Key).WithIdentity("flag-silent-parcels-hourly").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()));
            q.AddJob<Features.Analytics.RefreshSalesRollupsJob>(j => j.WithIdentity(Features.Analytics.RefreshSalesRollupsJob.Key));
            q.AddTrigger(t => t.ForJob(Features.Analytics.RefreshSalesRollupsJob.Key).WithIdentity("refresh-sales-rollups-tick")
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(30))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(config.GetValue("Analytics:RefreshIntervalSeconds", 300))).RepeatForever()));
            q.AddJob<DeliverSandboxCallbacksJob>(j => j.WithIdentity(DeliverSandboxCallbacksJob.Key));
            q.AddTrigger(t => t.ForJob(DeliverSandboxCallbacksJob.Key).WithIdentity("sandbox-callbacks-tick").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(5)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<IOutboxSignal, QuartzOutboxSignal>();
        return services;
    }
}
