using MallPortal.Core.Orders.Payments.Bills;
using Quartz;

namespace MallPortal.Features.Orders;

/// <summary>Thin: the providers publish yesterday's bill in the morning (China time); each hour from 10:30 the ones not in yet are imported.</summary>
[DisallowConcurrentExecution]
public sealed class ImportBillsJob(BillReconciliation bills) : IJob
{
    public static readonly JobKey Key = new("import-bills");

    /// <summary>
    /// The providers cut and publish bills by China time, whatever the shop's own time zone. A system zone, because the
    /// clustered job store saves a trigger's zone by its id and every instance must find it again (a custom zone's id
    /// is known only to the process that made it).
    /// </summary>
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await bills.ImportYesterdayAsync(cancellationToken);
}
