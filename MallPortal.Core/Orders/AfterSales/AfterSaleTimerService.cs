using MallPortal.Core.Common;
using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Orders.AfterSales;

/// <summary>
/// The deadlines: a claim the merchant left unanswered past its time is approved for it (仅退款 pays back; a return gets
/// the shop's return address); a return the buyer did not send in time closes.
/// </summary>
public sealed class AfterSaleTimerService(IDbContextFactory<MallDbContext> contexts, MerchantAfterSaleService merchants, AfterSaleSteps steps,
    TimeProvider clock, ILogger<AfterSaleTimerService> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var done = 0;
        foreach (var id in await DueAsync(now, cancellationToken))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var sale = await AfterSaleAccess.Full(db).SingleAsync(a => a.Id == id, cancellationToken);
            try
            {
                if (sale.Status == AfterSaleStatus.PendingMerchant)
                {
                    await merchants.ApproveAsync(db, sale, null, now, cancellationToken);
                }
                else
                {
                    sale.ExpireReturn(now);
                    await steps.CommitAsync(db, sale, null, cancellationToken);
                }
                done++;
            }
            catch (DomainException ex)
            {
                // No return address yet, a refused refund: the case stays for the merchant, who sees it overdue.
                logger.LogWarning("After-sale {Number} could not move on its deadline: {Reason}", sale.Number, ex.Message);
            }
        }
        return done;
    }

    private async Task<List<int>> DueAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AfterSales.Where(a => a.DueAt != null && a.DueAt <= now
                && (a.Status == AfterSaleStatus.PendingMerchant || a.Status == AfterSaleStatus.AwaitingReturn))
            .OrderBy(a => a.DueAt).Select(a => a.Id).Take(100).ToListAsync(cancellationToken);
    }
}
