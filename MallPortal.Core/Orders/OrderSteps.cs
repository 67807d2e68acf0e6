using MallPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Orders;

/// <summary>
/// The one way an order change is saved: the orders' recorded steps go, in one transaction, to every registered
/// <see cref="IOrderStepHandler"/> (sales counts, attribution, commissions, settlement) and the notifier's messages, then
/// after the commit to the live updates and the handlers' live news, from the same record. No service calls a consequence by hand.
/// </summary>
public sealed class OrderSteps(IEnumerable<IOrderStepHandler> handlers, OrderNotifier notifier, ILogger<OrderSteps> logger)
{
    private const string MessagesSavepoint = "order-messages";

    private readonly IReadOnlyList<IOrderStepHandler> _handlers = handlers.ToList();

    /// <summary>
    /// Saves the context and commits: the caller's open transaction (its stock moves are part of the step) or a new one.
    /// Another person's change to the same order in between is refused with the "reload" message; a handler's failure
    /// rolls everything back and reaches the caller.
    /// </summary>
    public async Task<IReadOnlyList<OrderStep>> CommitAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        IReadOnlyList<OrderStep> steps;
        await using (own)
        {
            steps = await SaveAsync(db, cancellationToken);
            await db.Database.CommitTransactionAsync(cancellationToken);
        }
        await CommittedAsync(steps, cancellationToken);
        return steps;
    }

    /// <summary>
    /// The first half of <see cref="CommitAsync"/>, for a caller whose transaction is committed by someone else (a
    /// <see cref="WriteGate"/> batch): saves and runs the handlers in the open transaction; after the commit the caller
    /// hands the steps to <see cref="CommittedAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<OrderStep>> SaveAsync(MallDbContext db, CancellationToken cancellationToken)
    {
        var steps = db.ChangeTracker.Entries<Order>().Select(e => e.Entity).SelectMany(o => o.PendingSteps).ToList();
        await OrderAccess.SaveAsync(db, cancellationToken);
        if (steps.Count > 0)
        {
            foreach (var handler in _handlers)
            {
                await handler.OnStepsAsync(db, steps, cancellationToken);
            }
            await OrderAccess.SaveAsync(db, cancellationToken);
            await SaveMessagesAsync(db, steps, cancellationToken);
        }
        return steps;
    }

    /// <summary>
    /// The steps' messages commit with the change, so a crash after the commit cannot lose them (issue 16); they are
    /// written under a savepoint, so messages that cannot be written never undo the change (decision 0004): they are
    /// logged and left out, and the step commits.
    /// </summary>
    private async Task SaveMessagesAsync(MallDbContext db, IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        if (!steps.Any(s => OrderNotifier.Tells(s.Kind)))
        {
            return;
        }
        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync(MessagesSavepoint, cancellationToken);
        try
        {
            await notifier.PrepareAsync(db, News(steps), cancellationToken);
            await OrderAccess.SaveAsync(db, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await transaction.RollbackToSavepointAsync(MessagesSavepoint, cancellationToken);
            // Everything the step itself added is saved by now; what is still to be added is the messages.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
            logger.LogError(ex, "The messages of order steps {Steps} could not be written; the steps commit without them",
                string.Join(", ", steps.Select(s => $"{s.Order.Number}:{s.Kind}")));
        }
        await transaction.ReleaseSavepointAsync(MessagesSavepoint, cancellationToken);
    }

    /// <summary>The second half: the steps are settled on their orders, then the news goes out (best effort).</summary>
    public async Task CommittedAsync(IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        foreach (var order in steps.Select(s => s.Order).Distinct())
        {
            order.StepsCommitted();
        }
        await PublishAsync(steps, cancellationToken);
    }

    private static List<OrderNews> News(IReadOnlyList<OrderStep> steps) =>
        steps.Select(s => new OrderNews(s.Order.Id, s.Kind, s.Detail, s.Refund?.GatewayState == RefundGatewayState.Processing)).ToList();

    private async Task PublishAsync(IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken)
    {
        if (steps.Count == 0)
        {
            return;
        }
        await notifier.AfterCommitAsync(News(steps), cancellationToken);
        foreach (var handler in _handlers)
        {
            await handler.AfterCommitAsync(steps, cancellationToken);
        }
    }
}
