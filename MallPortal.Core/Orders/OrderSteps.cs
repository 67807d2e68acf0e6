using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders;

/// <summary>
/// The one way an order change is saved: the orders' recorded steps go, in one transaction, to every registered
/// <see cref="IOrderStepHandler"/> (sales counts, attribution, commissions, settlement), then after the commit to the
/// notifier and the handlers' live news, from the same record. No service calls a consequence by hand.
/// </summary>
public sealed class OrderSteps(IEnumerable<IOrderStepHandler> handlers, OrderNotifier notifier)
{
    private readonly IReadOnlyList<IOrderStepHandler> _handlers = handlers.ToList();

    /// <summary>
    /// Saves the context and commits: the caller's open transaction (its stock moves are part of the step) or a new one.
    /// Another person's change to the same order in between is refused with the "reload" message; a handler's failure
    /// rolls everything back and reaches the caller.
    /// </summary>
    public async Task<IReadOnlyList<OrderStep>> CommitAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        var orders = db.ChangeTracker.Entries<Order>().Select(e => e.Entity).Where(o => o.PendingSteps.Count > 0).ToList();
        var steps = orders.SelectMany(o => o.PendingSteps).ToList();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            await OrderAccess.SaveAsync(db, cancellationToken);
            if (steps.Count > 0)
            {
                foreach (var handler in _handlers)
                {
                    await handler.OnStepsAsync(db, steps, cancellationToken);
                }
                await OrderAccess.SaveAsync(db, cancellationToken);
            }
            await db.Database.CommitTransactionAsync(cancellationToken);
        }
        orders.ForEach(o => o.StepsCommitted());
        await PublishAsync(steps, cancellationToken);
        return steps;
    }

    private async Task PublishAsync(IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        if (steps.Count == 0)
        {
            return;
        }
        await notifier.AfterCommitAsync(steps.Select(s => new OrderNews(s.Order.Id, s.Kind, s.Detail,
            s.Refund?.GatewayState == RefundGatewayState.Processing)).ToList(), cancellationToken);
        foreach (var handler in _handlers)
        {
            await handler.AfterCommitAsync(steps, cancellationToken);
        }
    }
}
