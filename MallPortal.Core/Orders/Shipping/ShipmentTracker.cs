using MallPortal.Core.Data;
using System.Text.Json;
using MallPortal.Core.Orders.Shipping.Kuaidi100;
using MallPortal.Core.Orders.Shipping.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Shipping;

/// <summary>
/// Asks the tracking provider to follow each parcel and push its trace here (Kuaidi100's subscription, or the built-in
/// simulator's copy of it). A failed subscription is tried again by the job; one the provider can never take
/// (unknown carrier, bad number) leaves the parcel to the merchant's hand.
/// </summary>
public sealed class ShipmentTracker(IDbContextFactory<MallDbContext> contexts, Kuaidi100Client client, TrackingSimulator simulator,
    IOptions<LogisticsOptions> options, TimeProvider clock)
{
    public const int MaxAttempts = 5;

    /// <summary>Shipping subscribes its parcel itself; the job leaves a parcel this young to it.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    public async Task SubscribeAsync(IReadOnlyList<int> shipmentIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in shipmentIds)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var shipment = await db.Shipments.SingleAsync(s => s.Id == id, cancellationToken);
            if (shipment.Tracking is not (TrackingMode.Pending or TrackingMode.Failed) || shipment.SiteBaseUrl is null)
            {
                continue;
            }
            var order = await db.Orders.AsNoTracking().Where(o => o.Id == shipment.OrderId)
                .Select(o => new { o.RecipientMobile, o.RecipientProvince, o.RecipientCity, o.RecipientDistrict }).SingleAsync(cancellationToken);
            var phone = Carriers.Find(shipment.CarrierCode) is { NeedsPhone: true } ? order.RecipientMobile[^4..] : null;
            var param = new SubscribeParam(shipment.CarrierCode, shipment.TrackingNumber, options.Value.SubscriptionKey,
                $"{order.RecipientProvince}{order.RecipientCity}{order.RecipientDistrict}",
                new SubscribeParameters(CallbackOf(shipment), shipment.Salt, "1", phone));
            var answer = options.Value.IsSimulator
                ? await simulator.SubscribeAsync("json", JsonSerializer.Serialize(param, Kuaidi100Protocol.Json), cancellationToken)
                : await client.SubscribeAsync(options.Value.PollUrl, param, cancellationToken);
            await RecordAsync(db, shipment, answer, cancellationToken);
        }
    }

    // Another writer may have saved the parcel since it was read: the other subscriber (shipping and the job at the same
    // moment) or a push. The answer is kept only if the parcel still waits for one.
    private static async Task RecordAsync(MallDbContext db, Shipment shipment, SubscribeAnswer answer, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            shipment.Subscribed(Kuaidi100Client.IsAccepted(answer), $"{answer.ReturnCode} {answer.Message}".Trim(),
                Kuaidi100Client.IsPermanent(answer.ReturnCode) || shipment.SubscribeAttempts + 1 >= MaxAttempts);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 2)
            {
                await db.Entry(shipment).ReloadAsync(cancellationToken);
                if (shipment.Tracking is not (TrackingMode.Pending or TrackingMode.Failed))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Subscriptions that have not gone through yet (provider down, key not set when shipped).</summary>
    public async Task<int> RetryAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return 0;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shippedBefore = clock.GetUtcNow().UtcDateTime - RetryAfter;
        var due = await db.Shipments.Where(s => (s.Tracking == TrackingMode.Pending || s.Tracking == TrackingMode.Failed) && s.ShippedAt <= shippedBefore)
            .OrderBy(s => s.Id).Select(s => s.Id).Take(50).ToListAsync(cancellationToken);
        await SubscribeAsync(due, cancellationToken);
        return due.Count;
    }

    /// <summary>The parcel's own push address: the site's base (stored at shipping) and the parcel's id.</summary>
    public static string CallbackOf(Shipment shipment) => $"{shipment.SiteBaseUrl!.TrimEnd('/')}/logistics/kuaidi100/{shipment.Id}";
}
