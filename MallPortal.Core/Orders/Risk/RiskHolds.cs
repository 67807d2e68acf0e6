using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Risk;

/// <summary>What a held payment means for its orders: its merchants do not see them, and the buyer waits for the review.</summary>
internal static class RiskHolds
{
    /// <summary>Orders that reached their merchant: not of a payment held (or refused) by the risk review.</summary>
    public static IQueryable<Order> ReachedMerchant(this IQueryable<Order> orders, MallDbContext db) =>
        orders.Where(o => !db.PaymentReviews.Any(r => r.PaymentId == o.PaymentId && r.Status != PaymentReviewStatus.Released));

    public static Task<bool> IsHeldAsync(MallDbContext db, int paymentId, CancellationToken cancellationToken) =>
        db.PaymentReviews.AnyAsync(r => r.PaymentId == paymentId && r.Status == PaymentReviewStatus.Pending, cancellationToken);

    /// <summary>A buyer's cancellation or after-sale request waits until the review has decided.</summary>
    public static async Task EnsureNotHeldAsync(MallDbContext db, Order order, CancellationToken cancellationToken)
    {
        if (await IsHeldAsync(db, order.PaymentId, cancellationToken))
        {
            throw new DomainException(CoreText.RiskOrderUnderReview);
        }
    }
}
