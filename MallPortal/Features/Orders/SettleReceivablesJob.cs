using MallPortal.Core.Orders.Settlement;
using Quartz;

namespace MallPortal.Features.Orders;

/// <summary>Thin: merchants' receivables of orders past the after-sales window become withdrawable.</summary>
[DisallowConcurrentExecution]
public sealed class SettleReceivablesJob(ShopSettlementService settlement, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("settle-receivables");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await settlement.SettleDueAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}
