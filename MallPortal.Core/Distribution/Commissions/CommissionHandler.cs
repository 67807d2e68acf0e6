using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Settlement;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Distribution.Commissions;

/// <summary>
/// Commission's part in an order's steps, in the step's transaction: estimated when the order is paid, frozen when the
/// goods are received, reversed (or clawed back after settlement) by line when money goes back. Distributors whose money
/// moved see it at once.
/// </summary>
internal sealed class CommissionHandler(IDbContextFactory<MallDbContext> contexts, CommissionEstimator estimator, DistributionSettingsStore settingsStore,
    ILiveUpdates live, Notifications.NotificationService notifications) : IOrderStepHandler
{
    public async Task OnStepsAsync(MallDbContext db, IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        var ledger = new CommissionLedger(db, steps[0].At);
        // The shop funds its commissions: what is earned here leaves its receivable on the same order line.
        var shops = new ShopLedger(db, steps[0].At);
        foreach (var step in steps)
        {
            if (step.IsPaid)
            {
                await estimator.EstimateAsync(db, ledger, shops, step.Order, cancellationToken);
            }
            else if (step.IsReceived)
            {
                await FreezeAsync(db, ledger, step, cancellationToken);
            }
            else if (step.IsRefund)
            {
                await ReverseAsync(db, ledger, shops, step.Refund!, cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await ledger.FlushAsync(cancellationToken);
        await shops.FlushAsync(cancellationToken);
    }

    public async Task AfterCommitAsync(IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        var orderIds = steps.Where(s => s.IsPaid || s.IsReceived || s.IsRefund).Select(s => s.Order.Id).Distinct().ToList();
        if (orderIds.Count == 0)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var earned = await db.Commissions.Where(c => orderIds.Contains(c.OrderId))
            .Select(c => new { c.DistributorId, c.OrderId, Held = c.Hold == Risk.CommissionHold.Held }).ToListAsync(cancellationToken);
        if (earned.Count > 0)
        {
            await live.PublishAsync(new CommissionsChanged(earned.Select(c => c.DistributorId).Distinct().ToList()), cancellationToken);
        }
        // A payment whose commissions were held for abuse signals: the admins are told there is something to review.
        var held = steps.Where(s => s.IsPaid && earned.Any(c => c.Held && c.OrderId == s.Order.Id)).Select(s => s.Order.Number).Distinct().ToList();
        if (held.Count > 0)
        {
            var admins = await Accounts.AdminLookup.Ids(db).ToListAsync(cancellationToken);
            await notifications.NotifyManyAsync(admins, Notifications.NotificationTemplates.CommissionHeld,
                new Dictionary<string, string> { ["orders"] = string.Join("、", held) }, "/admin/commission-holds", cancellationToken);
        }
    }

    private async Task FreezeAsync(MallDbContext db, CommissionLedger ledger, OrderStep step, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(db, cancellationToken);
        var commissions = await db.Commissions.Where(c => c.OrderId == step.Order.Id && c.Status == CommissionStatus.Estimated).ToListAsync(cancellationToken);
        foreach (var commission in commissions)
        {
            commission.Freeze(step.At, step.At.AddDays(settings.SettleAfterDays));
            ledger.Move(commission, CommissionEntryKind.Frozen, CommissionBucket.Estimated, CommissionBucket.Frozen, commission.NetFen);
        }
    }

    /// <summary>Each refunded line takes back the refunded share of every commission on it (decision 0009).</summary>
    private static async Task ReverseAsync(MallDbContext db, CommissionLedger ledger, ShopLedger shops, Refund refund, CancellationToken cancellationToken)
    {
        var lineIds = refund.Lines.Select(l => l.OrderLineId).ToList();
        var commissions = await db.Commissions.Where(c => lineIds.Contains(c.OrderLineId) && c.Status != CommissionStatus.Reversed).ToListAsync(cancellationToken);
        if (commissions.Count == 0)
        {
            return;
        }
        var lines = await LineRefunds.OfAsync(db, lineIds, cancellationToken);
        foreach (var commission in commissions)
        {
            var bucket = commission.Bucket;
            var settled = commission.Status == CommissionStatus.Settled;
            var (paid, refunded) = lines[commission.OrderLineId];
            var taken = commission.ReverseTo(CommissionCalculator.ReversedBy(commission.AmountFen, refunded, paid));
            ledger.Move(commission, settled ? CommissionEntryKind.ClawedBack : CommissionEntryKind.Reversed, bucket, null, taken);
            await shops.OnOrderAsync(commission.OrderId, commission.OrderLineId, SettlementEntryKind.CommissionReturned, taken, cancellationToken);
        }
    }
}

/// <summary>These distributors' commission money moved: their income pages and dashboards reload.</summary>
public sealed record CommissionsChanged(IReadOnlyList<int> DistributorIds);
