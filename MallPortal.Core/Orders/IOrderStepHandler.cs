using MallPortal.Core.Data;

namespace MallPortal.Core.Orders;

/// <summary>
/// Another module's part in an order's steps, owned by Orders so Orders references none of them.
/// <see cref="OnStepsAsync"/> runs inside the step's transaction after the orders were saved (ids are known): what it adds
/// or updates commits or rolls back with the step, and an exception undoes the step. <see cref="AfterCommitAsync"/> runs
/// after the commit, for live updates and notifications (best effort).
/// </summary>
public interface IOrderStepHandler
{
    Task OnStepsAsync(MallDbContext db, IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken);

    Task AfterCommitAsync(IReadOnlyList<OrderStep> steps, CancellationToken cancellationToken);
}
