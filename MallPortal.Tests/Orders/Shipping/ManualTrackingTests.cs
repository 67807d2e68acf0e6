using System.Net;
using System.Text.Json;
using MallPortal.Core.Common;
using MallPortal.Core.Data;
using MallPortal.Core.Orders;
using MallPortal.Core.Orders.Shipping;
using MallPortal.Core.Orders.Shipping.Kuaidi100;
using MallPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MallPortal.Tests.Orders.Shipping;

public class ManualTrackingTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Without_a_provider_the_merchant_types_the_scans_and_signing_still_starts_the_receipt_timer(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider, configure: s => s.Configure<LogisticsOptions>(o => o.Provider = "None"));
        var (_, number, parcel) = await LogisticsPushTests.ShippedAsync(kit);
        var (care, merchant) = (kit.Get<ShipmentCareService>(), await kit.MerchantAsync());
        Assert.Equal(TrackingMode.Manual, parcel.Tracking);

        var future = await Assert.ThrowsAsync<DomainException>(() => care.AddScanAsync(merchant, parcel.Id, new ManualScan(kit.Now.AddHours(1), null, "已揽收", TraceState.PickedUp)));
        var empty = await Assert.ThrowsAsync<DomainException>(() => care.AddScanAsync(merchant, parcel.Id, new ManualScan(kit.Now, null, " ", TraceState.PickedUp)));
        var shopB = await kit.MerchantAsync(OrderTestKit.ShopB);
        var stranger = await Assert.ThrowsAsync<DomainException>(() =>
            care.AddScanAsync(shopB, parcel.Id, new ManualScan(kit.Now, null, "已揽收", TraceState.PickedUp)));
        Assert.Equal(("At", "Context", "包裹不存在"), (future.Field, empty.Field, stranger.Message));

        await care.AddScanAsync(merchant, parcel.Id, new ManualScan(kit.Now.AddHours(-5), "杭州", "已揽收", TraceState.PickedUp));
        await Assert.ThrowsAsync<DomainException>(() => care.AddScanAsync(merchant, parcel.Id, new ManualScan(kit.Now.AddHours(-5), "杭州", "已揽收", TraceState.PickedUp)));
        await care.AddScanAsync(merchant, parcel.Id, new ManualScan(kit.Now.AddHours(-1), "深圳", "本人签收", TraceState.Signed));

        var shipment = await LogisticsPushTests.ParcelAsync(kit, parcel.Id);
        Assert.Equal((ShipmentStatus.Signed, 2), (shipment.Status, shipment.Events.Count(e => e.Manual)));
        Assert.Equal(kit.Now.AddHours(-1).AddDays(7), (await kit.OrderAsync(number)).ReceiveBy);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_parcel_the_provider_follows_takes_no_typed_scans(DatabaseProvider provider)
    {
        await using var kit = await OrderTestKit.CreateAsync(provider);
        var (_, _, parcel) = await LogisticsPushTests.ShippedAsync(kit);

        var merchant = await kit.MerchantAsync();
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            kit.Get<ShipmentCareService>().AddScanAsync(merchant, parcel.Id, new ManualScan(kit.Now, null, "已揽收", TraceState.PickedUp)));
        Assert.Equal("该包裹由快递100自动跟踪，无需手动录入", error.Message);
    }

    [Theory]
    [InlineData("""{"result":true,"returnCode":"200","message":"提交成功"}""", TrackingMode.Subscribed)]
    [InlineData("""{"result":false,"returnCode":"501","message":"重复订阅"}""", TrackingMode.Subscribed)]
    [InlineData("""{"result":false,"returnCode":"700","message":"不支持此快递公司"}""", TrackingMode.Manual)]
    [InlineData("""{"result":false,"returnCode":"600","message":"您不是合法的订阅者"}""", TrackingMode.Failed)]
    [InlineData("<html>bad gateway</html>", TrackingMode.Failed)]
    public async Task Kuaidi100_is_asked_with_its_form_and_its_answer_decides_how_the_parcel_is_followed(string answer, TrackingMode mode)
    {
        var poll = new RecordingHandler(answer);
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite, configure: s =>
        {
            s.Configure<LogisticsOptions>(o => (o.Provider, o.Key, o.PollUrl) = ("Kuaidi100", "k100-key", "https://poll.test/poll"));
            s.AddHttpClient(Kuaidi100Client.ClientName).ConfigurePrimaryHttpMessageHandler(() => poll);
        });

        var (_, _, parcel) = await LogisticsPushTests.ShippedAsync(kit);

        Assert.Equal(mode, parcel.Tracking);
        // The demo's parcels were subscribed too when the database was seeded.
        var form = Assert.Single(poll.Forms, f => f["param"].Contains(parcel.TrackingNumber));
        Assert.Equal(("https://poll.test/poll", "json"), (poll.Url, form["schema"]));
        using var param = JsonDocument.Parse(form["param"]);
        var root = param.RootElement;
        Assert.Equal(("shunfeng", "SF1234567890123", "k100-key", "广东省深圳市南山区"),
            (root.GetProperty("company").GetString(), root.GetProperty("number").GetString(), root.GetProperty("key").GetString(), root.GetProperty("to").GetString()));
        var parameters = root.GetProperty("parameters");
        Assert.Equal(($"{OrderTestKit.SiteUrl}/logistics/kuaidi100/{parcel.Id}", parcel.Salt, "1", "0021"),
            (parameters.GetProperty("callbackurl").GetString(), parameters.GetProperty("salt").GetString(), parameters.GetProperty("resultv2").GetString(),
             parameters.GetProperty("phone").GetString()));
    }

    [Fact]
    public async Task The_retry_job_leaves_a_young_parcel_to_shipping_and_the_slower_of_two_subscribers_keeps_the_first_answer()
    {
        // Kuaidi100 is down when the parcel ships. A minute later the job's retry goes through, and while it waits for
        // the answer another subscriber of the same parcel gets in first.
        var poll = new RacingHandler();
        await using var kit = await OrderTestKit.CreateAsync(DatabaseProvider.Sqlite, configure: s =>
        {
            s.Configure<LogisticsOptions>(o => (o.Provider, o.Key, o.PollUrl) = ("Kuaidi100", "k100-key", "https://poll.test/poll"));
            s.AddHttpClient(Kuaidi100Client.ClientName).ConfigurePrimaryHttpMessageHandler(() => poll);
        });
        var tracker = kit.Get<ShipmentTracker>();
        poll.Answer = "<html>bad gateway</html>";
        var (_, _, parcel) = await LogisticsPushTests.ShippedAsync(kit);
        Assert.Equal(TrackingMode.Failed, parcel.Tracking);
        poll.Answer = RacingHandler.Accepted;

        Assert.Equal(0, await tracker.RetryAsync());
        kit.Clock.Advance(ShipmentTracker.RetryAfter);
        poll.WhileAnswering = () => tracker.SubscribeAsync([parcel.Id]);
        Assert.Equal(1, await tracker.RetryAsync());

        var shipment = await LogisticsPushTests.ParcelAsync(kit, parcel.Id);
        Assert.Equal((TrackingMode.Subscribed, 2, (string?)null), (shipment.Tracking, shipment.SubscribeAttempts, shipment.TrackingMessage));
    }

    private sealed class RacingHandler : HttpMessageHandler
    {
        public const string Accepted = """{"result":true,"returnCode":"200","message":"提交成功"}""";

        public string Answer { get; set; } = Accepted;

        public Func<Task>? WhileAnswering { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (answer, other) = (Answer, WhileAnswering);
            WhileAnswering = null;
            if (other is not null)
            {
                await other();
            }
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer) };
        }
    }

    private sealed class RecordingHandler(string answer) : HttpMessageHandler
    {
        public List<Dictionary<string, string>> Forms { get; } = [];

        public string? Url { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Url = request.RequestUri!.ToString();
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Forms.Add(body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' '))));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer) };
        }
    }
}
