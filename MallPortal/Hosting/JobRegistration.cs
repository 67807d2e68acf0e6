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
    /// <summary>
    /// Quartz. Jobs are thin calls into Core. One instance keeps its schedule in memory; with
    /// <paramref name="clusterDatabase"/> (a PostgreSQL connection string) every instance shares Quartz's tables there,
    /// each firing is taken by one instance only, and the runs are recorded in <c>qrtz_execution_history</c>.
    /// </summary>
    public static IServiceCollection AddMallJobs(this IServiceCollection services, IConfiguration config, string? clusterDatabase = null)
    {
        var dispatchEvery = TimeSpan.FromSeconds(config.GetValue("Notifications:DispatchIntervalSeconds", 15));
        if (clusterDatabase is not null)
        {
            // A restarted instance re-declares the triggers; they keep their last firing instead of firing again at once.
            services.Configure<QuartzOptions>(o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        }
        services.AddQuartz(q =>
        {
            if (clusterDatabase is not null)
            {
                q.ConfigureScheduler(s => s.InstanceName = "MallPortal");
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(clusterDatabase);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(10);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                    // The tables are created at the first start, as the app's own are migrated.
                    store.ProvisionSchema();
                    store.UseExecutionHistory();
                });
            }
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
