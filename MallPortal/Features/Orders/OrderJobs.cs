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

/// <summary>Thin: asks the gateways about payments whose notification is late (at 1, 5 and 15 minutes) and refunds still processing.</summary>
[DisallowConcurrentExecution]
public sealed class QueryLatePaymentsJob(Core.Orders.Payments.GatewayQueries payments, IConfiguration config) : IJob
{
    public static readonly JobKey Key = new("query-late-payments");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await payments.QueryLateAsync(TimeSpan.FromSeconds(config.GetValue("Orders:TimerIntervalSeconds", 60)), cancellationToken);
        await payments.QueryProcessingRefundsAsync(cancellationToken);
    }
}

/// <summary>
/// Thin: the simulated providers retry the notifications the shop has not acknowledged yet (the sandbox's, and the Alipay,
/// WeChat Pay, UnionPay and Stripe simulators' when they run).
/// </summary>
[DisallowConcurrentExecution]
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
        if (services.GetService<Core.Orders.Payments.WeChatPay.Simulator.WeChatPaySimulator>() is { } wechat)
        {
            await wechat.DeliverDueAsync(cancellationToken);
        }
        if (services.GetService<Core.Orders.Payments.UnionPay.Simulator.UnionPaySimulator>() is { } unionPay)
        {
            await unionPay.DeliverDueAsync(cancellationToken);
        }
        if (services.GetService<Core.Orders.Payments.Stripe.Simulator.StripeSimulator>() is { } stripe)
        {
            await stripe.DeliverDueAsync(cancellationToken);
        }
    }
}
