using MallPortal.Core.Data;

namespace MallPortal.Core.Orders;

/// <summary>
/// Another module's part in placing orders, owned by Orders so Orders references none of them: <see cref="OnPlacedAsync"/>
/// adds its rows to the checkout's context inside its transaction (they commit or roll back with the orders);
/// <see cref="AfterPlacedAsync"/> runs after the commit, for live updates and notifications.
/// </summary>
public interface IOrderPlacedHandler
{
    Task OnPlacedAsync(MallDbContext db, int buyerUserId, IReadOnlyList<Order> orders, DateTime now, CancellationToken cancellationToken);

    Task AfterPlacedAsync(IReadOnlyList<int> orderIds, CancellationToken cancellationToken);
}
