using System.Text.Json;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Shipping;
using MallPortal.Core.Orders.Shipping.Kuaidi100;
using MallPortal.Core.Orders.Shipping.Simulator;
using MallPortal.Tests.Accounts;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MallPortal.Tests.Orders.Shipping;

public class LogisticsPushTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_simulated_parcel_is_scanned_to_the_door_and_signing_starts_the_automatic_receipt(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (buyer, number, parcel) = await ShippedAsync(kit);
        var simulator = kit.Get<TrackingSimulator>();
        Assert.Equal(TrackingMode.Subscribed, parcel.Tracking);

        for (var step = 0; step < 6; step++)
        {
            kit.Clock.Advance(TimeSpan.FromHours(3));
            Assert.True(await simulator.PushNextAsync(parcel.TrackingNumber));
        }
        Assert.False(await simulator.PushNextAsync(parcel.TrackingNumber));

        var shipment = await ParcelAsync(kit, parcel.Id);
        Assert.Equal((ShipmentStatus.Signed, kit.Now, true, 6), (shipment.Status, shipment.SignedAt, shipment.TrackingEnded, shipment.Events.Count));
        Assert.Equal([TraceState.PickedUp, TraceState.InTransit, TraceState.InTransit, TraceState.InTransit, TraceState.OutForDelivery, TraceState.Signed],
            shipment.Events.OrderBy(e => e.At).Select(e => e.State));
        Assert.Contains("发往【深圳市转运中心】", shipment.Events.OrderBy(e => e.At).ElementAt(2).Context);
        Assert.Contains("南山区营业部", shipment.Events.OrderBy(e => e.At).ElementAt(3).Context);
        var order = await kit.OrderAsync(number);
        Assert.Equal(kit.Now.AddDays(7), order.ReceiveBy);
        Assert.Equal([OrderEventKind.OutForDelivery, OrderEventKind.ParcelSigned],
            order.Events.Where(e => e.Kind is OrderEventKind.OutForDelivery or OrderEventKind.ParcelSigned).OrderBy(e => e.Id).Select(e => e.Kind));
        var inbox = await PasswordAndContactTests.InboxTitlesAsync(kit.Db, buyer.UserId);
        Assert.Equal((1, 1), (inbox.Count(t => t == "包裹正在派送"), inbox.Count(t => t == "包裹已签收")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task One_parcel_subscribed_several_times_at_once_is_followed_once_and_every_answer_accepts_it(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var simulator = kit.Get<TrackingSimulator>();
        var param = JsonSerializer.Serialize(new SubscribeParam("shunfeng", "SF7300000000001", LogisticsOptions.SimulatorKey, "广东省深圳市南山区",
            new SubscribeParameters("http://127.0.0.1/logistics/kuaidi100/1", "salt", "1", "1234")), Kuaidi100Protocol.Json);

        // Shipping and the retry job can subscribe one new parcel at the same moment; the second is a repeat, not a failure.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => simulator.SubscribeAsync("json", param))));

        Assert.All(answers, a => Assert.True(Kuaidi100Client.IsAccepted(a), $"{a.ReturnCode} {a.Message}"));
        Assert.Equal(1, answers.Count(a => a.ReturnCode == "200"));
        Assert.Equal(1, await kit.QueryAsync(c => c.SimulatedParcels.CountAsync(p => p.Number == "SF7300000000001")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_forged_push_is_refused_a_repeat_absorbed_and_late_old_news_placed_by_time(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (_, _, parcel) = await ShippedAsync(kit);
        var pushes = kit.Get<LogisticsPushService>();
        var start = kit.Now;
        var older = Push(parcel.TrackingNumber, "0", Scan(start.AddHours(1), "已揽收", "1"));
        var newer = Push(parcel.TrackingNumber, "5", Scan(start.AddHours(9), "正在派件", "5"), Scan(start.AddHours(4), "到达深圳转运中心", "0"));

        Assert.False(await pushes.HandleKuaidi100Async(parcel.Id, newer, Kuaidi100Protocol.Sign(newer, "not-the-salt")));
        Assert.False(await pushes.HandleKuaidi100Async(parcel.Id, newer, null));
        var otherNumber = Push("SF9999999999999", "0", Scan(start.AddHours(1), "已揽收", "1"));
        Assert.False(await pushes.HandleKuaidi100Async(parcel.Id, otherNumber, Kuaidi100Protocol.Sign(otherNumber, parcel.Salt)));
        Assert.False(await pushes.HandleKuaidi100Async(parcel.Id + 1000, newer, Kuaidi100Protocol.Sign(newer, parcel.Salt)));
        Assert.Empty((await ParcelAsync(kit, parcel.Id)).Events);

        Assert.True(await pushes.HandleKuaidi100Async(parcel.Id, newer, Kuaidi100Protocol.Sign(newer, parcel.Salt)));
        Assert.True(await pushes.HandleKuaidi100Async(parcel.Id, newer, Kuaidi100Protocol.Sign(newer, parcel.Salt)));
        Assert.True(await pushes.HandleKuaidi100Async(parcel.Id, older, Kuaidi100Protocol.Sign(older, parcel.Salt)));

        var shipment = await ParcelAsync(kit, parcel.Id);
        Assert.Equal(["已揽收", "到达深圳转运中心", "正在派件"], shipment.Events.OrderBy(e => e.At).Select(e => e.Context));
        Assert.Equal((ShipmentStatus.OutForDelivery, start.AddHours(9)), (shipment.Status, shipment.LastScanAt));
        var order = await kit.QueryAsync(c => c.Orders.Include(o => o.Events).AsNoTracking().SingleAsync(o => o.Id == parcel.OrderId));
        Assert.Single(order.Events, e => e.Kind == OrderEventKind.OutForDelivery);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Refused_silent_and_unrecorded_parcels_reach_the_merchants_queue_until_handled(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (_, _, refused) = await ShippedAsync(kit);
        var (_, _, unknown) = await ShippedAsync(kit, "SF1234567890124");
        var (_, _, silent) = await ShippedAsync(kit, "SF1234567890125");
        var simulator = kit.Get<TrackingSimulator>();
        await simulator.ScriptAsync(refused.TrackingNumber, ParcelScript.Refused);
        await simulator.ScriptAsync(unknown.TrackingNumber, ParcelScript.NeverScanned);
        for (var step = 0; step < 7; step++)
        {
            await simulator.PushNextAsync(refused.TrackingNumber);
        }
        await simulator.PushNextAsync(unknown.TrackingNumber);
        var care = kit.Get<ShipmentCareService>();
        kit.Clock.Advance(TimeSpan.FromDays(3));
        Assert.True(await care.FlagSilentAsync() >= 1);

        var (merchant, queries) = (await kit.MerchantAsync(), kit.Get<ShipmentQueries>());
        var problems = (await queries.ListAsync(merchant, ShipmentTab.Problems, 0, 50)).Items;
        Assert.Equal(ShipmentProblem.Returned, problems.Single(p => p.Id == refused.Id).Problem);
        Assert.Equal(ShipmentProblem.NoRecord, problems.Single(p => p.Id == unknown.Id).Problem);
        Assert.Equal(ShipmentProblem.NoScan, problems.Single(p => p.Id == silent.Id).Problem);
        var stranger = await kit.MerchantAsync(OrderTestKit.ShopB);
        Assert.DoesNotContain((await queries.ListAsync(stranger, ShipmentTab.Problems, 0, 50)).Items, p => p.Id == refused.Id);
        Assert.Contains("物流异常", await PasswordAndContactTests.InboxTitlesAsync(kit.Db, merchant.UserId));

        await Assert.ThrowsAsync<Core.Common.DomainException>(() => care.HandleProblemAsync(stranger, refused.Id, "别人的包裹"));
        await care.HandleProblemAsync(merchant, refused.Id, "已联系买家，同意退货后重新发货");
        var left = (await queries.ListAsync(merchant, ShipmentTab.Problems, 0, 50)).Items;
        Assert.DoesNotContain(left, p => p.Id == refused.Id);
        Assert.Equal(ShipmentStatus.Returned, (await ParcelAsync(kit, refused.Id)).Status);
    }

    internal static async Task<(Core.Common.Actor Buyer, string Number, Shipment Parcel)> ShippedAsync(OrderTestKit kit, string tracking = "SF1234567890123")
    {
        var (buyer, address) = await kit.BuyerAsync();
        var sku = await kit.SkuAsync(available: 20);
        var number = await kit.PaidOrderAsync(buyer, address, sku.SkuId);
        await kit.ShipAsync(number, trackingNumber: tracking);
        var orderId = (await kit.OrderAsync(number)).Id;
        return (buyer, number, await kit.QueryAsync(c => c.Shipments.AsNoTracking().SingleAsync(s => s.OrderId == orderId)));
    }

    internal static Task<Shipment> ParcelAsync(OrderTestKit kit, int id) =>
        kit.QueryAsync(c => c.Shipments.Include(s => s.Events).AsNoTracking().SingleAsync(s => s.Id == id));

    internal static PushScan Scan(DateTime at, string context, string code)
    {
        var time = Kuaidi100Protocol.FormatTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        return new PushScan(time, time, context, null, Kuaidi100Protocol.WordOf(code), code);
    }

    internal static string Push(string number, string state, params PushScan[] newestFirst) =>
        JsonSerializer.Serialize(new PushParam("polling", "", new PushResult(state, state == "3" ? "1" : "0", "shunfeng", number, newestFirst)), Kuaidi100Protocol.Json);
}
