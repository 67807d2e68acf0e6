using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>
/// What a parcel's news means for its order, whoever brought it (a push, the merchant's hand, the no-scan check):
/// timeline rows the buyer or the shop is told of, the automatic receipt from the signing time once every parcel is
/// signed, and open order pages refreshed. One save.
/// </summary>
public sealed class ShipmentProgress(OrderSteps steps, ILiveUpdates live, ShippingSettings settings)
{
    public async Task CommitAsync(MallDbContext db, Shipment shipment, TraceOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleAsync(o => o.Id == shipment.OrderId, cancellationToken);
        if (outcome.OutForDelivery)
        {
            order.RecordParcel(OrderEventKind.OutForDelivery, shipment.Describe(), now);
        }
        if (outcome.Signed)
        {
            order.RecordParcel(OrderEventKind.ParcelSigned, shipment.Describe(), now);
            var all = await db.Shipments.Where(s => s.OrderId == order.Id && s.Id != shipment.Id).Select(s => s.SignedAt).ToListAsync(cancellationToken);
            if (order.Status == OrderStatus.PendingReceipt && all.All(at => at is not null))
            {
                var last = all.Append(shipment.SignedAt).Max()!.Value;
                order.AllParcelsSigned(last, settings.Logistics.ConfirmDaysAfterSigned, settings.Orders.ReceiptExtensionDays);
            }
        }
        if (outcome.Problem is { } problem)
        {
            order.RecordParcel(OrderEventKind.ParcelProblem, $"{shipment.Describe()}：{ShippingText.Problem(problem)}", now);
        }
        await steps.CommitAsync(db, cancellationToken);
        if (!outcome.OutForDelivery && !outcome.Signed && outcome.Problem is null)
        {
            // A plain scan changes no order step, but the pages showing the trace still refresh.
            await live.PublishAsync(new OrderChanged(order.Id, order.Number, order.BuyerUserId, order.ShopId, order.Status), cancellationToken);
        }
    }
}

/// <summary>Display names of parcel statuses, problems and trace states.</summary>
public static class ShippingText
{
    public static string Status(ShipmentStatus status) => Get($"ShipmentStatus_{status}");

    public static string Problem(ShipmentProblem problem) => Get($"ShipmentProblem_{problem}");

    public static string State(TraceState state) => Get($"TraceState_{state}");

    private static string Get(string key) =>
        CoreText.ResourceManager.GetString(key, System.Globalization.CultureInfo.CurrentUICulture) ?? key;
}
