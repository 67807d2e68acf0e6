using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Payments.Sandbox;
using Quartz;

namespace MallPortal.Features.Orders;

/// <summary>Thin: closes unpaid orders past their payment time, releasing their stock.</summary>
[DisallowConcurrentExecution]
public sealed class CloseUnpaidOrdersJob(OrderTimerService timers, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("close-unpaid-orders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await timers.CloseExpiredAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}

/// <summary>Thin: reminds buyers shortly before an unpaid order closes.</summary>
[DisallowConcurrentExecution]
public sealed class RemindUnpaidOrdersJob(OrderTimerService timers, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("remind-unpaid-orders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await timers.RemindUnpaidAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}

/// <summary>Thin: confirms receipt for buyers whose parcels shipped long enough ago.</summary>
[DisallowConcurrentExecution]
public sealed class AutoConfirmReceiptJob(OrderTimerService timers, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("auto-confirm-receipt");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await timers.AutoConfirmAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}

/// <summary>Thin: the sandbox provider retries the notifications the shop has not acknowledged yet.</summary>
[DisallowConcurrentExecution]
/// <summary>The simulated providers' owed notifications (the sandbox's, and the Alipay simulator's when it runs).</summary>
public sealed class DeliverSandboxCallbacksJob(SandboxProvider sandbox, IServiceProvider services, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("deliver-sandbox-callbacks");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await sandbox.DeliverDueAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (services.GetService<Core.Orders.Payments.Alipay.Simulator.AlipaySimulator>() is { } alipay)
        {
            await alipay.DeliverDueAsync(cancellationToken);
        }
    }
}
