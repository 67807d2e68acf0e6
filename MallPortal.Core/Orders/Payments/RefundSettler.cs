using MallPortal.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace MallPortal.Core.Orders.Payments;

/// <summary>
/// A processing refund's end, however it was heard (the provider's notification, a query): the refund's state changes
/// in the caller's unit of work; after it is saved, a failure is told to the buyer and logged for the platform.
/// </summary>
public sealed class RefundSettler(NotificationService notifications, ILogger<RefundSettler> logger)
{
    /// <summary>Once saved: a refund the provider could not pay back reaches the buyer and the log.</summary>
    internal async Task AfterCommitAsync(Refund refund, string orderNumber, string? reason, CancellationToken cancellationToken)
    {
        if (refund.GatewayState != RefundGatewayState.Failed)
        {
            return;
        }
        logger.LogError("Refund {Refund} of {Amount} for order {Order} failed at the provider ({Reason}): the platform must pay it back by hand",
            refund.Number, refund.Amount, orderNumber, reason);
        await notifications.NotifyAsync(refund.BuyerUserId, NotificationTemplates.RefundFailedAtProvider, new Dictionary<string, string>
        {
            ["number"] = orderNumber,
            ["amount"] = refund.Amount.ToString(),
            ["reason"] = reason ?? "支付平台退款异常",
        }, $"/account/orders/{orderNumber}", cancellationToken);
    }
}
