using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Orders.Payments;

/// <summary>
/// 主动查单 by the clock: payments whose notification is late and refunds still processing at their provider are asked
/// about, and what the provider says is taken like its notification.
/// </summary>
public sealed class GatewayQueries(IDbContextFactory<MallDbContext> contexts, PaymentGateways gateways, PaymentIntake intake, TimeProvider clock,
    ILogger<GatewayQueries> logger)
{
    /// <summary>Ages at which a payment still waiting for its notification is asked about at its gateway.</summary>
    public static readonly TimeSpan[] QueryAfter = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];

    /// <summary>
    /// 主动查单 by the clock: every unpaid payment that has just reached 1, 5 or 15 minutes of age (within the last
    /// <paramref name="tick"/>, the job's interval) is asked about at its gateway. Returns how many were found paid.
    /// </summary>
    public async Task<int> QueryLateAsync(TimeSpan tick, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queryable = gateways.All.Where(g => g.PaysOnline && g.Capabilities.HasFlag(GatewayCapabilities.Query)).Select(g => g.Name).ToList();
        var oldest = now - QueryAfter[^1] - tick;
        List<(string Number, string Gateway, DateTime CreatedAt)> waiting;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            waiting = (await db.Payments.AsNoTracking()
                .Where(p => p.Status == PaymentStatus.Pending && p.CreatedAt > oldest && queryable.Contains(p.Gateway))
                .Select(p => new { p.Number, p.Gateway, p.CreatedAt }).ToListAsync(cancellationToken))
                .Select(p => (p.Number, p.Gateway, p.CreatedAt)).ToList();
        }
        var paid = 0;
        foreach (var (number, gatewayName, createdAt) in waiting.Where(p => QueryAfter.Any(t => now - p.CreatedAt >= t && now - p.CreatedAt < t + tick)))
        {
            paid += await intake.ConfirmByQueryAsync(gateways.Get(gatewayName), number, cancellationToken) ? 1 : 0;
        }
        return paid;
    }

    /// <summary>
    /// Refunds still processing at their provider are asked about (after a notification that never came); returns how
    /// many ended.
    /// </summary>
    public async Task<int> QueryProcessingRefundsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var processing = await PaymentIntake.RefundsAtGateways(db).Where(r => r.Refund.GatewayState == RefundGatewayState.Processing)
            .OrderBy(r => r.Refund.Id).Take(100).Select(r => r.Refund.Number).ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var number in processing)
        {
            ended += await QueryRefundAsync(number, cancellationToken) is not RefundGatewayState.Processing ? 1 : 0;
        }
        return ended;
    }

    /// <summary>Asks the provider where one processing refund stands (the job, or the admin's 立即查询); returns its state after.</summary>
    public async Task<RefundGatewayState> QueryRefundAsync(string refundNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await PaymentIntake.RefundsAtGateways(db).SingleOrDefaultAsync(r => r.Refund.Number == refundNumber, cancellationToken)
            ?? throw new DomainException(CoreText.RefundRecordNotFound);
        if (item.Refund.GatewayState != RefundGatewayState.Processing || gateways.Find(item.Gateway) is not { } gateway)
        {
            return item.Refund.GatewayState;
        }
        GatewayRefundResult result;
        try
        {
            result = await gateway.QueryRefundAsync(item.Payment, refundNumber, cancellationToken);
        }
        catch (PaymentGatewayException ex)
        {
            logger.LogWarning(ex, "Querying refund {Refund} at {Gateway} failed", refundNumber, gateway.Name);
            return item.Refund.GatewayState;
        }
        await intake.SettleRefundAsync(db, item, result, cancellationToken);
        return item.Refund.GatewayState;
    }
}
