using System.Text.Json;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders.Shipping.Kuaidi100;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MallPortal.Core.Orders.Shipping.Simulator;

/// <summary>
/// A Kuaidi100 look-alike inside the site, for the demo and the tests: it takes subscriptions as /poll does (the param
/// JSON, key checked, duplicates answered 501, bad data 700), then scans each parcel along its script and hands the
/// signed history to the push handler of the parcel's callback, exactly as a push arrives, retrying one not taken.
/// In-process both ways, so a demo works before (and without) the site being reachable at a public address.
/// </summary>
public sealed class TrackingSimulator(IDbContextFactory<MallDbContext> contexts, LogisticsPushService pushes, IOptions<LogisticsOptions> options,
    BusinessTimeZone zone, TimeProvider clock)
{
    private static readonly TimeSpan Retry = TimeSpan.FromMinutes(35);

    public async Task<SubscribeAnswer> SubscribeAsync(string? schema, string? param, CancellationToken cancellationToken = default)
    {
        SubscribeParam? request = null;
        try
        {
            request = param is null ? null : JsonSerializer.Deserialize<SubscribeParam>(param, Kuaidi100Protocol.Json);
        }
        catch (JsonException)
        {
        }
        var key = string.IsNullOrEmpty(options.Value.Key) ? LogisticsOptions.SimulatorKey : options.Value.Key;
        if (request?.Key != key)
        {
            return new SubscribeAnswer(false, "600", "找不到对应公司");
        }
        if (schema != "json" || Carriers.Find(request.Company) is not { Trackable: true } || request.Number.Length is 0 or > 32
            || !Uri.TryCreate(request.Parameters?.Callbackurl, UriKind.Absolute, out _))
        {
            return new SubscribeAnswer(false, "700", "订阅参数错误");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.SimulatedParcels.AnyAsync(p => p.Company == request.Company && p.Number == request.Number, cancellationToken))
        {
            return new SubscribeAnswer(false, "501", "重复订阅");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.SimulatedParcels.Add(new SimulatedParcel(request.Company, request.Number, request.Parameters!.Callbackurl, request.Parameters.Salt ?? "",
            request.To ?? "", now + Step));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same parcel subscribed twice at once (shipping and the retry job): the provider answers the second as a repeat.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await again.SimulatedParcels.AnyAsync(p => p.Company == request.Company && p.Number == request.Number, cancellationToken))
            {
                throw;
            }
            return new SubscribeAnswer(false, "501", "重复订阅");
        }
        return new SubscribeAnswer(true, "200", "提交成功");
    }

    public async Task<bool> FollowsAsync(string number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SimulatedParcels.AnyAsync(p => p.Number == number, cancellationToken);
    }

    /// <summary>Test and demo hook: how this parcel's journey will go.</summary>
    public async Task ScriptAsync(string number, ParcelScript script, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        (await db.SimulatedParcels.SingleAsync(p => p.Number == number, cancellationToken)).Follow(script);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every parcel whose next scan (or retry) is due; how many pushes were taken.</summary>
    public async Task<int> PushDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.SimulatedParcels.Where(p => p.NextPushAt != null && p.NextPushAt <= now).OrderBy(p => p.NextPushAt)
            .Select(p => p.Number).Take(50).ToListAsync(cancellationToken);
        var taken = 0;
        foreach (var number in due)
        {
            taken += await PushNextAsync(number, null, cancellationToken) ? 1 : 0;
        }
        return taken;
    }

    /// <summary>
    /// The parcel's next step now (test and demo hook), its scan dated <paramref name="scannedAt"/> (default now); a retry
    /// resends the same history. True when the site took the push.
    /// </summary>
    public async Task<bool> PushNextAsync(string number, DateTime? scannedAt = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parcel = await db.SimulatedParcels.SingleAsync(p => p.Number == number, cancellationToken);
        if (parcel.NextPushAt is null)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var step = parcel.Retrying ? Math.Max(parcel.Step - 1, 0) : parcel.Step;
        var journey = ParcelJourney.At(parcel.Script, step, Carriers.NameOf(parcel.Company), options.Value.SimulatorOrigin, parcel.Destination);
        if (!parcel.Retrying)
        {
            parcel.Advance(ParcelJourney.ScanOf(journey, scannedAt ?? now, zone.Zone));
        }
        var taken = await SendAsync(parcel, journey, cancellationToken);
        parcel.Pushed(taken, ParcelJourney.IsLast(parcel.Script, step), now, Step, Retry);
        await db.SaveChangesAsync(cancellationToken);
        return taken;
    }

    private TimeSpan Step => TimeSpan.FromSeconds(Math.Max(1, options.Value.SimulatorStepSeconds));

    private async Task<bool> SendAsync(SimulatedParcel parcel, ParcelJourney.JourneyStep journey, CancellationToken cancellationToken)
    {
        var scans = parcel.Scans;
        var state = journey.Code ?? "0";
        var param = JsonSerializer.Serialize(new PushParam(journey.Status, journey.Message ?? "",
            new PushResult(state, state == "3" ? "1" : "0", parcel.Company, parcel.Number, scans)), Kuaidi100Protocol.Json);
        var shipmentId = int.TryParse(parcel.CallbackUrl.TrimEnd('/').Split('/')[^1], out var id) ? id : 0;
        return await pushes.HandleKuaidi100Async(shipmentId, param, Kuaidi100Protocol.Sign(param, parcel.Salt), cancellationToken);
    }
}
