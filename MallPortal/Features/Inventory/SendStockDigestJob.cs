using MallPortal.Core.Inventory;
using Quartz;

namespace MallPortal.Features.Inventory;

/// <summary>Thin: the daily low-stock digest, every morning at 09:00 business time.</summary>
[DisallowConcurrentExecution]
public sealed class SendStockDigestJob(StockDigestService digest) : IJob
{
    public static readonly JobKey Key = new("stock-digest");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await digest.SendAsync(cancellationToken);
}
